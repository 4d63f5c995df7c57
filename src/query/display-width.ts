import { createRequire } from 'node:module';

type StringWidth = typeof import('string-width').default;
let stringWidth: StringWidth | undefined;

/**
 * Letters and signs each one column wide and each its own grapheme next to any other of them: printable ASCII, Latin-1
 * but the soft hyphen (U+00AD, no width) and the emoji © and ® (two), Latin Extended-A and -B, IPA, spacing modifiers,
 * Greek and Cyrillic but Cyrillic's combining marks (U+0483–0489). test/query/display-width.test.ts holds every one of
 * them to string-width's answer, alone and all together.
 */
export const NARROW = /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u02ff\u0370-\u0482\u048a-\u052f]*$/;

/**
 * Columns a text takes at a terminal (a CJK character two, a combining mark none).
 * A text of NARROW characters only (plain ASCII, the Latin, Greek and Cyrillic letters of most names) is one column a
 * character, as string-width also says, at a small fraction of its cost (it tests every character against a newly
 * built emoji pattern, ~4 µs a character). string-width is loaded on first use: its Intl.Segmenter took ~12 ms of
 * every run of a command that prints a table (src/build/bundle.ts turns the require into the bundle's own copy).
 */
export function displayWidth(text: string): number {
  if (NARROW.test(text)) return text.length;
  return (stringWidth ??= (createRequire(import.meta.url)('string-width') as { default: StringWidth }).default)(text);
}
