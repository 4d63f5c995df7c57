import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { CLUB_YAML, member } from '../helpers/club-tree.js';

const withLine = (value: string, text: string) => `# yaml-language-server: $schema=${value}\n${text}`;

describe('schema-path-outside', () => {
  it('accepts a $schema line naming the repository\'s copy, a web address, or none', async () => {
    expectClean(await check({
      'club.yaml': withLine('../schemas/club.schema.json', CLUB_YAML),
      'members/ivanov-i-i.yaml': withLine('../../schemas/member.schema.json', member({ name: 'Ivanov I.I.' })),
      'members/petrov-p-p.yaml': withLine('https://example.org/schemas/member.schema.json', member({ name: 'Petrov P.P.', joined: '2016-03-01' })),
      'officers/chairman-ivanov-i-i.yaml': '# a comment first\n# yaml-language-server: $schema=../../schemas/officer.schema.json\nposition: chairman\nmember: ivanov-i-i\nfrom: 2015-01-01\n',
    }));
  });
  it('warns at the path of an absolute one, with the command that fixes it', async () => {
    const text = withLine('/usr/lib/node_modules/club/schemas/member.schema.json', member({ name: 'Ivanov I.I.' }));
    const d = expectOne(await check({ 'members/ivanov-i-i.yaml': text }), 'schema-path-outside', 'members/ivanov-i-i.yaml', at(text, '/usr/lib'));
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('the `$schema` line names `/usr/lib/node_modules/club/schemas/member.schema.json`, a path outside this repository: editors elsewhere will not find the schema');
    expect(d.hint).toBe('run `club schemas --write` to point it at the repository\'s copy in schemas/');
  });
  it('warns at a file: URL, and at a relative path that leads out of the repository (the line after a comment, a BOM before)', async () => {
    const url = withLine('file:///home/me/club/schemas/member.schema.json', member({ name: 'Petrov P.P.', joined: '2016-03-01' }));
    const out = `# written by hand\n${withLine('../../../club/schemas/officer.schema.json', 'position: chairman\nmember: ivanov-i-i\nfrom: 2015-01-01\n')}`;
    const club = `\ufeff${withLine('../../schemas/club.schema.json', CLUB_YAML)}`;
    const found = await check({ 'members/petrov-p-p.yaml': url, 'officers/chairman-ivanov-i-i.yaml': out, 'club.yaml': club });
    expect(found.filter((d) => d.code === 'schema-path-outside').map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ['schema-path-outside', 'club.yaml', 1, 33],
      ['schema-path-outside', 'members/petrov-p-p.yaml', 1, 33],
      ['schema-path-outside', 'officers/chairman-ivanov-i-i.yaml', 2, 33],
    ]);
  });
  it('a $schema line below the first field is not a leading comment: not looked at', async () => {
    expectClean(await check({ 'members/ivanov-i-i.yaml': `${member({ name: 'Ivanov I.I.' })}# yaml-language-server: $schema=/abs/member.schema.json\n` }));
  });
});
