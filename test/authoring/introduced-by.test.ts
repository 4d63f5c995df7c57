import { describe, expect, it } from 'vitest';
import { introducedBy } from '../../src/authoring/change.js';
import type { TextFile } from '../../src/load/load.js';
import type { Collection } from '../../src/model/types.js';
import { checkFiles } from '../../src/validate/check.js';
import { AS_OF, baseTree, member } from '../helpers/club-tree.js';
import { schemas } from '../helpers/load-tree.js';

/** A file of the folder as read-folder gives it (it can read its text again: `release`), counting the reads of its text. */
function folderFile(name: string, text: string): TextFile & { reads: number } {
  const [collection, base] = name.includes('/') ? name.split('/') as [Collection, string] : ['club' as const, name];
  return { file: `data/${name}`, collection, stem: base.replace(/\.yaml$/, ''), reads: 0, get text() { this.reads++; return text; }, release() {} };
}

describe('introducedBy: a change checked against the folder as loaded', () => {
  it('reads, parses and checks only the changed files again (and reads a file with a new error, for its place); the rules across records still see the others', () => {
    const files = Object.entries(baseTree()).map(([name, text]) => folderFile(name, String(text)));
    const baseline = checkFiles(files, schemas, AS_OF);
    expect(files.map((f) => f.reads)).toEqual(files.map(() => 1));
    expect(baseline.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

    // Petrov leaves the club's members (his file is replaced by one with a bad division): the unchanged officer file
    // that names him now has an error of its own, found by a rule over the unchanged file's record.
    const petrov: TextFile = { file: 'data/members/petrov-p-p.yaml', collection: 'members', stem: 'petrov-p-p', text: member({ name: 'Petrov P.P.', joined: '2016-03-01', division: 'nowhere' }) };
    const introduced = introducedBy(baseline.diagnostics, files, [petrov], ['data/members/ivanov-i-i.yaml'], schemas, AS_OF);
    // Read again: only the file with a new error, for its position (and whether the next line continues the value).
    expect(files.filter((f) => f.reads > 1).map((f) => f.file), 'no other unchanged file was read again').toEqual(['data/officers/chairman-ivanov-i-i.yaml']);
    expect(introduced.errors.map((d) => [d.file, d.code, d.path])).toEqual([
      ['data/members/petrov-p-p.yaml', 'unknown-reference', 'division'],
      ['data/officers/chairman-ivanov-i-i.yaml', 'unknown-reference', 'member'],
    ]);
    expect(introduced.errors[1]).toMatchObject({ line: 2, column: 9 });

    // The folder as it was, checked again: nothing new.
    expect(introducedBy(baseline.diagnostics, files, [], [], schemas, AS_OF)).toEqual({ errors: [], warnings: [] });
  });
});
