import { isValidId, slugify } from '../../model/slug.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';

/** Each record file's name is a valid id (`invalid-id`), used once in its collection (`duplicate-id`). */
export const recordIds: Rule = (club) => {
  const out: Diagnostic[] = [];
  const firstFile = new Map<string, string>();
  for (const f of club.files) {
    if (f.collection === 'club') continue;
    const at = { file: f.file, line: 1, column: 1, path: '' };
    if (!isValidId(f.stem)) {
      const slug = slugify(f.stem);
      out.push({
        code: 'invalid-id', severity: 'error', ...at,
        message: `the file name \`${f.stem}\` is not a valid id: ids are lowercase ASCII letters, digits and single hyphens`,
        ...(slug ? { hint: `rename the file to ${slug}.yaml` } : {}),
      });
    }
    const key = `${f.collection}/${f.stem}`;
    const first = firstFile.get(key);
    if (first === undefined) firstFile.set(key, f.file);
    else {
      out.push({
        code: 'duplicate-id', severity: 'error', ...at,
        message: `the id \`${f.stem}\` is used twice in ${f.collection}/: ${first} has it too`,
        hint: 'keep one file per record: merge them, or give one another id',
      });
    }
  }
  return out;
};
