import { structuredPatch } from 'diff';
import { printable } from '../report/printable.js';

/** One file of a change as the user sees it: its text before (absent for a new file) and after (absent for a deleted one). */
export interface FileChange {
  file: string;
  before?: string;
  after?: string;
  /** For a renamed file: the name it had. */
  renamedFrom?: string;
}

/** How a diff is decorated: colours at a terminal, identity elsewhere. */
export interface DiffStyle {
  header(s: string): string;
  added(s: string): string;
  removed(s: string): string;
  hunk(s: string): string;
}

export const PLAIN_DIFF: DiffStyle = { header: (s) => s, added: (s) => s, removed: (s) => s, hunk: (s) => s };

/**
 * A change as a unified diff, file by file in the given order: `--- a/old`,
 * `+++ b/new` (`/dev/null` for a created or deleted file), then the hunks with
 * three lines of context. Text only; the caller chooses the colours.
 */
export function changeDiff(files: readonly FileChange[], style: DiffStyle = PLAIN_DIFF): string {
  const out: string[] = [];
  for (const f of files) {
    const oldName = f.before === undefined ? '/dev/null' : `a/${f.renamedFrom ?? f.file}`;
    const newName = f.after === undefined ? '/dev/null' : `b/${f.file}`;
    if (f.renamedFrom !== undefined) out.push(style.header(`rename ${printable(f.renamedFrom)} → ${printable(f.file)}`));
    const patch = structuredPatch(oldName, newName, f.before ?? '', f.after ?? '', '', '', { context: 3 });
    out.push(style.header(`--- ${printable(oldName)}`), style.header(`+++ ${printable(newName)}`));
    for (const h of patch.hunks) {
      // An empty range names the line before it (0 for the start of the file), as diff and git write it.
      const range = (start: number, lines: number) => `${lines === 0 ? start - 1 : start},${lines}`;
      out.push(style.hunk(`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`));
      for (const raw of h.lines) {
        const line = printable(raw); // no escape sequence from the data reaches the terminal
        if (line.startsWith('\\')) out.push(line);
        else if (line.startsWith('+')) out.push(style.added(line));
        else if (line.startsWith('-')) out.push(style.removed(line));
        else out.push(line);
      }
    }
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
