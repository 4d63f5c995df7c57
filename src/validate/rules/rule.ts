import type { Club, Loaded } from '../../model/club.js';
import type { IsoDate, RecordKind } from '../../model/types.js';
import type { Diagnostic, FieldPath, Severity } from '../../diagnostics/diagnostic.js';
import { formatPath } from '../../diagnostics/diagnostic.js';

/** A cross-record rule: a pure function of the club and today's date. */
export type Rule = (club: Club, asOf: IsoDate) => Diagnostic[];

export interface ProblemOptions {
  hint?: string | undefined;
  severity?: Severity;
  /** Point at the key rather than the value. */
  at?: 'value' | 'key';
}

/** A diagnostic at a field of a record. */
export function problem(record: Loaded<RecordKind>, path: FieldPath, code: string, message: string, options: ProblemOptions = {}): Diagnostic {
  return {
    code,
    severity: options.severity ?? 'error',
    message,
    ...(options.hint ? { hint: options.hint } : {}),
    file: record.file,
    ...record.locate(path, options.at ?? 'value'),
    path: formatPath(path),
  };
}
