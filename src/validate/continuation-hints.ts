import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TextFile } from '../load/load.js';
import { continuationFinder } from '../parse/yaml-record.js';

/**
 * An unquoted value runs on to the next line when that line is indented further (`- ru` then `   - en`
 * is the one value `ru - en`): whatever is reported on such a value says so, with the line it took in.
 * Error path only: a cheap look at the text first, the parser only for a value that may run on.
 */
export function addContinuationHints(diagnostics: Diagnostic[], files: readonly TextFile[]): void {
  let byName: Map<string, TextFile> | undefined;
  // A file's text (read again, if the loader let it go) and its finder, once per file.
  const seen = new Map<string, { text: string | undefined; starts?: number[]; find?: ReturnType<typeof continuationFinder> }>();
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i]!;
    if (d.severity !== 'error' || d.path === '' || d.code === 'yaml-syntax') continue;
    byName ??= new Map(files.map((f) => [f.file, f]));
    let file = seen.get(d.file);
    if (file === undefined) seen.set(d.file, (file = { text: byName.get(d.file)?.text }));
    const text = file.text;
    if (text === undefined || !mayRunOn(text, (file.starts ??= lineStarts(text)), d.line, d.column)) continue;
    const next = (file.find ??= continuationFinder(text))(d.line, d.column);
    if (next === undefined) continue;
    const note = `line ${next.line} (\`${next.text.length > 40 ? `${next.text.slice(0, 39)}…` : next.text}\`) was read as the rest of this value because it is indented further; `
      + 'if it is an item or field of its own, indent it as far as the line above it';
    diagnostics[i] = { ...d, hint: d.hint === undefined ? note : `${note} (otherwise: ${d.hint})` };
  }
}

/** Is the next line that is not blank indented further than the line at `line`, with a plain value at `column`? */
function mayRunOn(text: string, starts: readonly number[], line: number, column: number): boolean {
  const start = starts[line - 1];
  if (start === undefined) return false;
  const first = text[start + column - 1];
  if (first === undefined || '"\'[{|>&*!\n\r'.includes(first)) return false;
  let indent = 0;
  while (text[start + indent] === ' ') indent++;
  for (let n = line; n < starts.length; n++) {
    let i = starts[n]!;
    while (text[i] === ' ') i++;
    if (text[i] === '\n' || text[i] === '\r' || i >= text.length) continue;
    return i - starts[n]! > indent;
  }
  return false;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
