import type { Club } from '../model/club.js';
import { loadClub, type RawRecord, type TextFile } from '../load/load.js';
import type { IsoDate } from '../model/types.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { RULES } from './rules/index.js';
import { rulesOnValidFields } from './valid-fields.js';
import type { SchemaChecker } from '../load/schema-check.js';
import { addContinuationHints } from './continuation-hints.js';

export interface CheckResult {
  club: Club;
  /** Every record that parsed, valid or not. */
  records: RawRecord[];
  /** Every problem found, in a stable order. */
  diagnostics: Diagnostic[];
}

/** Parse, schema-check and cross-check a whole data folder's files. */
export function checkFiles(files: Iterable<TextFile>, schemas: SchemaChecker, asOf: IsoDate): CheckResult {
  const { club, records, diagnostics } = loadClub(files, schemas);
  for (const rule of RULES) diagnostics.push(...rule(club, asOf));
  diagnostics.push(...rulesOnValidFields(club, records, diagnostics, RULES, asOf));
  addContinuationHints(diagnostics, club.files as TextFile[]);
  diagnostics.sort(compareDiagnostics);
  return { club, records, diagnostics };
}
