import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { printable } from './printable.js';

/** `members.xlsx: row 14, column "Country": …` — a problem where the secretary finds it in the spreadsheet. */
export function formatSheetProblem(d: Diagnostic): string {
  const where = `${d.file}: row ${d.line}${d.path ? `, column "${d.path}"` : ''}`;
  return printable(`${where}: ${d.message}  [${d.code}]`) + (d.hint ? `\n    hint: ${printable(d.hint)}` : '');
}
