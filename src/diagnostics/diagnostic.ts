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
