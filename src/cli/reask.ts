import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Io } from './io.js';

/** Does the diagnostic's field path fall at or under `field` (`venue` covers `venue.name`, `agenda` covers `agenda[2].title`)? */
export function pathUnder(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

/**
 * The `reask` hook of a command that asks questions: the answers behind the
 * refused fields are cleared (their old value kept in `previous`, offered as
 * the default when asked again) and `askAgain` asks only what is cleared; the
 * other answers stay. `fields` maps a record field (dot path) to the answer
 * that gave it; `file` is the end of the record's file name (`members/li-wei.yaml`),
 * so problems in other files do not clear an answer. Returns false when no answer is at fault.
 */
export function reaskAnswers<O extends object>(
  io: Io, answers: O, previous: Partial<O>, fields: Readonly<Record<string, keyof O>>, file: () => string | undefined,
  askAgain: () => Promise<void>,
): (errors: readonly Diagnostic[]) => Promise<boolean> {
  return async (errors) => {
    const shown = file();
    const keys = new Set<keyof O>();
    for (const d of errors) {
      if (shown !== undefined && !d.file.endsWith(shown)) continue;
      for (const [field, key] of Object.entries(fields)) if (pathUnder(d.path, field)) keys.add(key);
    }
    if (keys.size === 0) return false;
    for (const k of keys) {
      previous[k] = answers[k];
      delete answers[k];
    }
    io.stderr.write(`\nPlease answer again (the other answers are kept):\n`);
    await askAgain();
    return true;
  };
}
