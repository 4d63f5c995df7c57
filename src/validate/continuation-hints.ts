import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TextFile } from '../load/load.js';
import { plainContinuation } from '../parse/yaml-record.js';

/**
 * An unquoted value runs on to the next line when that line is indented further (`- ru` then `   - en`
 * is the one value `ru - en`): whatever is reported on such a value says so, with the line it took in.
 * Error path only: a cheap look at the text first, the parser only for a value that may run on.
 */
export function addContinuationHints(diagnostics: Diagnostic[], files: readonly TextFile[]): void {
  let byName: Map<string, TextFile> | undefined;
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i]!;
    if (d.severity !== 'error' || d.path === '' || d.code === 'yaml-syntax') continue;
    byName ??= new Map(files.map((f) => [f.file, f]));
    const text = byName.get(d.file)?.text;
    if (text === undefined || !mayRunOn(text, d.line, d.column)) continue;
    const next = plainContinuation(text, d.line, d.column);
    if (next === undefined) continue;
    const note = `line ${next.line} (\`${next.text.length > 40 ? `${next.text.slice(0, 39)}…` : next.text}\`) was read as the rest of this value because it is indented further; `
      + 'if it is an item or field of its own, indent it as far as the line above it';
    diagnostics[i] = { ...d, hint: d.hint === undefined ? note : `${note} (otherwise: ${d.hint})` };
  }
}

/** Is the next line that is not blank indented further than the line at `line`, with a plain value at `column`? */
function mayRunOn(text: string, line: number, column: number): boolean {
  let start = 0;
  for (let n = 1; n < line; n++) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return false;
  }
  const first = text[start + column - 1];
  if (first === undefined || '"\'[{|>&*!\n\r'.includes(first)) return false;
  let indent = 0;
  while (text[start + indent] === ' ') indent++;
  for (let next = text.indexOf('\n', start) + 1; next > 0 && next < text.length; next = text.indexOf('\n', next) + 1) {
    let i = next;
    while (text[i] === ' ') i++;
    if (text[i] === '\n' || text[i] === '\r' || i >= text.length) continue;
    return i - next > indent;
  }
  return false;
}
