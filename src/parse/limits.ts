/** Limits that keep a hostile or broken file from exhausting memory or time. */
export const LIMITS = {
  /** Bytes in one record file. A club record is a few hundred bytes; a meeting with a long agenda a few KiB. */
  fileBytes: 1024 * 1024,
  /** Nesting of mappings and sequences. */
  depth: 64,
  /** Nodes built from one file, counting every node an alias expands to. */
  nodes: 100_000,
} as const;
