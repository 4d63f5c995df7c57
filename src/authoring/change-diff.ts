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
 * A change as a diff in git's form, file by file in the given order: `diff --git a/old b/new`, then what git says
 * of a created, deleted or renamed file (`new file mode`, `deleted file mode`, `rename from`/`rename to`), then
 * `--- a/old`, `+++ b/new` (`/dev/null` for a created or deleted file) and the hunks with three lines of context
 * (none for a file renamed as it was). `git apply` takes it whole: a rename as a plain unified diff (`--- a/old`,
 * `+++ b/new` alone) made it look for the new name, which does not exist yet. Text only; the caller chooses the colours.
 */
export function changeDiff(files: readonly FileChange[], style: DiffStyle = PLAIN_DIFF): string {
  const out: string[] = [];
  for (const f of files) {
    const from = f.renamedFrom ?? f.file;
    const oldName = f.before === undefined ? '/dev/null' : `a/${from}`;
    const newName = f.after === undefined ? '/dev/null' : `b/${f.file}`;
    out.push(style.header(`diff --git a/${printable(from)} b/${printable(f.file)}`));
    if (f.before === undefined) out.push(style.header('new file mode 100644'));
    else if (f.after === undefined) out.push(style.header('deleted file mode 100644'));
    if (f.renamedFrom !== undefined) out.push(style.header(`rename from ${printable(f.renamedFrom)}`), style.header(`rename to ${printable(f.file)}`));
    const patch = structuredPatch(oldName, newName, f.before ?? '', f.after ?? '', '', '', { context: 3 });
    if (patch.hunks.length === 0) continue;
    out.push(style.header(`--- ${printable(oldName)}`), style.header(`+++ ${printable(newName)}`));
    for (const h of patch.hunks) {
      // An empty range names the line before it (0 for the start of the file), as diff and git write it.
      const range = (start: number, lines: number) => `${lines === 0 ? start - 1 : start},${lines}`;
      out.push(style.hunk(`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`));
      for (const raw of h.lines) {
        // No escape sequence from the data reaches the terminal; a line's closing CR (a file with CRLF line ends) is
        // kept as it is, or git apply would not find the line (printable shows a CR elsewhere as ⏎).
        const cr = raw.endsWith('\r');
        const line = `${printable(cr ? raw.slice(0, -1) : raw)}${cr ? '\r' : ''}`;
        if (line.startsWith('\\')) out.push(line);
        else if (line.startsWith('+')) out.push(style.added(line));
        else if (line.startsWith('-')) out.push(style.removed(line));
        else out.push(line);
      }
    }
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
