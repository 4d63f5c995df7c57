import { isValidId, slugify } from '../../model/slug.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';

/** Each record file's name is a valid id (`invalid-id`), used once in its collection (`duplicate-id`). */
export const recordIds: Rule = (club) => {
  const out: Diagnostic[] = [];
  // The first file of each id, per collection: no `collection/id` key string and no position object per file.
  const firstFile = new Map<string, Map<string, string>>();
  for (const f of club.files) {
    if (f.collection === 'club') continue;
    if (!isValidId(f.stem)) {
      const slug = slugify(f.stem);
      out.push({
        code: 'invalid-id', severity: 'error', file: f.file, line: 1, column: 1, path: '',
        message: `the file name \`${f.stem}\` is not a valid id: ids are lowercase ASCII letters, digits and single hyphens`,
        ...(slug ? { hint: `rename the file to ${slug}.yaml` } : {}),
      });
    }
    let seen = firstFile.get(f.collection);
    if (seen === undefined) firstFile.set(f.collection, (seen = new Map()));
    const first = seen.get(f.stem);
    if (first === undefined) seen.set(f.stem, f.file);
    else {
      out.push({
        code: 'duplicate-id', severity: 'error', file: f.file, line: 1, column: 1, path: '',
        message: `the id \`${f.stem}\` is used twice in ${f.collection}/: ${first} has it too`,
        hint: 'keep one file per record: merge them, or give one another id',
      });
    }
  }
  return out;
};
