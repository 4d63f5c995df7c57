import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { printable } from './printable.js';
import { plural, type CheckSummary } from './summary.js';

/** How the text report is decorated: colours on a terminal, identity elsewhere. */
export interface TextStyle {
  file(s: string): string;
  error(s: string): string;
  warning(s: string): string;
  dim(s: string): string;
  ok(s: string): string;
}

export const PLAIN: TextStyle = { file: (s) => s, error: (s) => s, warning: (s) => s, dim: (s) => s, ok: (s) => s };

/**
 * Diagnostics grouped by file, one line each with its position, severity, message
 * and code, the hint under it, and a summary line:
 *
 *     data/members/li-wei.yaml
 *       4:1  error  unknown field `joinde` in a member  unknown-field
 *            hint: did you mean `joined`?
 */
export function formatText(diagnostics: readonly Diagnostic[], summary: CheckSummary, style: TextStyle = PLAIN): string {
  const lines: string[] = [];
  let current: string | undefined;
  const width = Math.max(0, ...diagnostics.map((d) => `${d.line}:${d.column}`.length));
  diagnostics.forEach((d, i) => {
    if (d.file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(style.file(printable(d.file)));
      current = d.file;
    }
    const where = `${d.line}:${d.column}`.padEnd(width);
    const severity = d.severity === 'error' ? style.error('error  ') : style.warning('warning');
    lines.push(`  ${style.dim(where)}  ${severity}  ${oneLine(d.message)}  ${style.dim(d.code)}`);
    // A run of the same problem with the same hint (twelve countries without a representative) says the hint once, at its end.
    const next = diagnostics[i + 1];
    const sameAsNext = next !== undefined && next.file === d.file && next.code === d.code && next.hint === d.hint;
    if (d.hint && !sameAsNext) lines.push(`  ${' '.repeat(width)}  ${style.dim(`hint: ${oneLine(d.hint)}`)}`);
  });
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(summary, style));
  return `${lines.join('\n')}\n`;
}

function summaryLine(s: CheckSummary, style: TextStyle): string {
  const checked = `${plural(s.files, 'file')} checked`;
  if (s.errors === 0 && s.warnings === 0) return style.ok(`✔ ${checked}, no problems`);
  const counts = `${plural(s.errors, 'error')} and ${plural(s.warnings, 'warning')} in ${plural(s.filesWithProblems, 'file')}`;
  return s.errors > 0 ? style.error(`✖ ${counts} (${checked})`) : style.warning(`⚠ ${counts} (${checked})`);
}

// A message quotes values from the data: no line break or escape sequence of theirs reaches the terminal.
const oneLine = printable;
