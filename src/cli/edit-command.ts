import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from '../store/fs-async.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ClubError, IoError, RefusedError } from '../errors/errors.js';
import { printable } from '../report/printable.js';
import type { Io } from './io.js';
import { loadData } from './load-data.js';
import { findRecord } from './set-command.js';
import { writeChange, type WriteOptions } from './write-change.js';

const NOTES_START = '# club edit: this record was not saved, because:';
const NOTES_END = '# ---- (these lines are removed when you save) ----';

/** The record's text with the diagnostics on top as YAML comments, lines counted as the editor shows them. */
export function annotate(text: string, errors: readonly Diagnostic[], file: string): string {
  const lines = [NOTES_START];
  const mine = errors.filter((d) => d.file === file);
  const others = errors.filter((d) => d.file !== file);
  const headerLength = 1 + mine.length * 2 + others.length * 2 + 2;
  for (const d of mine) {
    lines.push(`#   line ${d.line + headerLength}, column ${d.column}: ${printable(d.message)} (${d.code})`);
    lines.push(`#     ${d.hint ? `hint: ${printable(d.hint)}` : ''}`.trimEnd());
  }
  for (const d of others) {
    lines.push(`#   in ${printable(d.file)}, line ${d.line}: ${printable(d.message)} (${d.code})`);
    lines.push(`#     ${d.hint ? `hint: ${printable(d.hint)}` : ''}`.trimEnd());
  }
  lines.push('# Correct the record below and save; quit without saving to give up (nothing is written).', NOTES_END);
  return `${lines.join('\n')}\n${text}`;
}

/** The text without the notes `annotate` put on top (left alone when the user edited the end marker away). */
export function stripNotes(text: string): string {
  if (!text.startsWith(NOTES_START)) return text;
  const end = text.indexOf(`${NOTES_END}\n`);
  return end < 0 ? text : text.slice(end + NOTES_END.length + 1);
}

/** Runs $VISUAL, else $EDITOR, else vi, on the file, at this terminal; resolves when it exits. */
function runEditor(file: string, io: Io): Promise<void> {
  const editor = io.env.VISUAL || io.env.EDITOR || 'vi';
  return new Promise((resolve, reject) => {
    // Through the shell: EDITOR may carry arguments ("code --wait").
    const child = spawn('/bin/sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit', env: io.env, cwd: io.cwd });
    child.on('error', (e) => reject(new IoError(`cannot start the editor \`${editor}\`: ${e.message}`, 'set $VISUAL or $EDITOR')));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new RefusedError(`the editor \`${editor}\` ${signal ? `was stopped (${signal})` : `exited with ${code}`}; nothing was written`));
    });
  });
}

/**
 * `club edit <id>`: the record opens in the editor as a copy; the result is
 * checked with the whole folder; when it is invalid it is opened again with the
 * diagnostics on top; only a valid record is put in place (through the one
 * write path: the diff, the question, the journal). Quitting without saving
 * changes nothing.
 */
export async function editCommand(idOrName: string, options: WriteOptions, io: Io): Promise<number> {
  const data = await loadData(options, io);
  const target = findRecord(data, idOrName);
  const id = target.id; // a member may be given by name
  const absolute = target.collection === 'club' ? path.join(data.dataDir, 'club.yaml') : path.join(data.dataDir, target.collection, `${id}.yaml`);
  const shownFile = path.relative(io.cwd, absolute).split(path.sep).join('/');
  const original = await readFile(absolute, 'utf8');
  const dir = await mkdtemp(path.join(tmpdir(), 'club-edit-'));
  const copy = path.join(dir, `${id}.yaml`);
  let keep = false;
  try {
    await writeFile(copy, original);
    await runEditor(copy, io);
    let text = await readFile(copy, 'utf8');
    if (text === original) {
      io.stderr.write('no change; nothing was written\n');
      return 0;
    }
    text = stripNotes(text);
    try {
      await writeChange(options, io, () => ({
        creates: [],
        edits: [{ collection: target.collection, id: target.id, text }],
        message: `Edit ${id}`,
      }), {
        reask: async (errors) => {
          const shown = annotate(text, errors, shownFile);
          await writeFile(copy, shown);
          await runEditor(copy, io);
          const again = await readFile(copy, 'utf8');
          if (again === shown) return false; // quit without saving: give up
          text = stripNotes(again);
          return true;
        },
        declined: async () => {
          // Not written, but not thrown away either.
          keep = true;
          await writeFile(copy, text);
          io.stderr.write(`club: your text is kept in ${copy}\n`);
        },
      });
    } catch (error) {
      if (error instanceof ClubError && !(error instanceof IoError)) {
        keep = true;
        await writeFile(copy, text);
        io.stderr.write(`club: your text is kept in ${copy}\n`);
      }
      throw error;
    }
    return 0;
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}
