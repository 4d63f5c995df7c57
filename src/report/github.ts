import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { plural, type CheckSummary } from './summary.js';

// Workflow-command escaping, as GitHub's runner (toolkit/core command.ts) does it.
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error` or `::warning` workflow command per diagnostic, so GitHub shows it on the line. */
export function formatGithub(diagnostics: readonly Diagnostic[], summary: CheckSummary): string {
  const lines = diagnostics.map((d) => {
    const props = [
      `file=${escapeProperty(d.file)}`,
      `line=${d.line}`,
      `col=${d.column}`,
      `title=${escapeProperty(`club ${d.code}`)}`,
    ].join(',');
    const message = d.hint ? `${d.message} (${d.hint})` : d.message;
    return `::${d.severity} ${props}::${escapeData(message)}`;
  });
  lines.push(`${plural(summary.errors, 'error')} and ${plural(summary.warnings, 'warning')} in ${plural(summary.files, 'file')} checked`);
  return `${lines.join('\n')}\n`;
}
