export type Severity = 'error' | 'warning';

/** A problem in the data: returned, never thrown. */
export interface Diagnostic {
  /** Stable name of the problem, e.g. `unknown-reference`. */
  code: string;
  severity: Severity;
  /** What is wrong, in the secretary's words. */
  message: string;
  /** What to do about it, when there is something useful to say. */
  hint?: string;
  /** The file as shown to the user (relative to the working directory). */
  file: string;
  /** 1-based line and column of the offending node. */
  line: number;
  column: number;
  /** The field inside the record, e.g. `agenda[2].presenter`; empty for the whole file. */
  path: string;
}

export type FieldPath = readonly (string | number)[];

/** `['agenda', 2, 'presenter']` → `agenda[2].presenter`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1 };

/** A stable order: by file, then position, then severity and code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** At most this many problems are reported for one file; a hostile file can hold 50,000. */
export const MAX_PER_FILE = 100;

/**
 * The first `max` problems of each file (in the order given), then one more
 * that says how many are not shown: an error when any of them is one. The
 * cost of reporting stays in proportion to the files, not to what is wrong in them.
 */
export function capPerFile(diagnostics: readonly Diagnostic[], max = MAX_PER_FILE): Diagnostic[] {
  const shown = new Map<string, number>();
  const hidden = new Map<string, { first: Diagnostic; count: number; errors: number }>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const n = shown.get(d.file) ?? 0;
    if (n < max) {
      shown.set(d.file, n + 1);
      out.push(d);
      continue;
    }
    const h = hidden.get(d.file) ?? { first: d, count: 0, errors: 0 };
    h.count++;
    if (d.severity === 'error') h.errors++;
    hidden.set(d.file, h);
  }
  for (const [file, h] of hidden) {
    out.push({
      code: 'more-problems', severity: h.errors > 0 ? 'error' : 'warning',
      message: `${h.count.toLocaleString('en')} more problem${h.count === 1 ? '' : 's'} in this file ${h.count === 1 ? 'is' : 'are'} not shown `
        + `(${h.errors.toLocaleString('en')} error${h.errors === 1 ? '' : 's'}); only the first ${max} of a file are reported`,
      hint: 'fix these, or look at the file as a whole: it may not be a record at all',
      file, line: h.first.line, column: h.first.column, path: h.first.path,
    });
  }
  return out.sort(compareDiagnostics);
}
