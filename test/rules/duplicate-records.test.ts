import { describe, expect, it } from 'vitest';
import { check, expectClean, expectOne } from '../helpers/check.js';
import { member } from '../helpers/club-tree.js';

describe('duplicate-records', () => {
  it('accepts two members alike in all but one field', async () => {
    expectClean(await check({ 'members/ivanov-i-i-2.yaml': member({ name: 'Ivanov I.I.', joined: '2011-01-01' }) }));
  });
  it('warns about a record copied under another name (duplicate-record), naming the other file', async () => {
    const d = expectOne(await check({ 'members/z-copy.yaml': member({ name: 'Ivanov I.I.' }) }), 'duplicate-record', 'members/z-copy.yaml', { line: 1, column: 1 });
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('members/ivanov-i-i.yaml');
    expect(d.hint).toMatch(/^remove one of the two files/);
  });
  it('sees the same fields in another order as the same record, and warns on the copy even when it sorts first', async () => {
    const reordered = member({ name: 'Ivanov I.I.' }).split('\n').filter(Boolean).reverse().join('\n') + '\n';
    // ivanov-i-i.yaml is the id club gives Ivanov I.I.: the other file is the copy, though it comes first.
    const d = expectOne(await check({ 'members/a-copy.yaml': reordered }), 'duplicate-record', 'members/a-copy.yaml', { line: 1, column: 1 });
    expect(d.message).toBe('this record is the same as members/ivanov-i-i.yaml in every field but its id: one record under two names counts twice');
  });
  for (const extra of ['hobby: chess', '__proto__: x']) {
    const key = extra.split(':')[0];
    it(`a copy with an extra field the schema refuses (${key}): says it is alike in the fields club knows, and names the extra one`, async () => {
      const found = await check({ 'members/a-copy.yaml': `${member({ name: 'Ivanov I.I.' })}${extra}\n` });
      const d = found.find((x) => x.code === 'duplicate-record');
      expect(d).toMatchObject({ file: 'members/a-copy.yaml', line: 1, column: 1, severity: 'warning' });
      expect(d!.message).toBe(`this record is the same as members/ivanov-i-i.yaml in every field club knows but its id (not compared: \`${key}\` in this file, which the schema refuses): one record under two names counts twice`);
      expect(d!.message).not.toContain('in every field but its id');
      // The extra field is an error of its own, on its line.
      expect(found.some((x) => x.severity === 'error' && x.file === 'members/a-copy.yaml' && x.line === 6)).toBe(true);
    });
  }
  it('a publication saved under another name: the file named outlet-date is the original', async () => {
    const text = 'title: T\noutlet: customs\ndate: 2019-06\n';
    const d = expectOne(await check({ 'publications/customs-2019-06.yaml': text, 'publications/a-june.yaml': text }),
      'duplicate-record', 'publications/a-june.yaml', { line: 1, column: 1 });
    expect(d.message).toContain('the same as publications/customs-2019-06.yaml');
  });
  it('three copies of a name whose id is not derived here: the id the others extend is the original, each copy named once', async () => {
    const text = member({ name: 'Иванов И.И.' });
    // Sorted, ivanov.yaml comes last ('-' before '.'), yet it is what the copies were named after.
    const found = (await check({ 'members/ivanov.yaml': text, 'members/ivanov-copy.yaml': text, 'members/ivanov-old.yaml': text }))
      .filter((x) => x.code === 'duplicate-record');
    expect(found.map((x) => [x.file, x.line, x.column, x.message.split(' in every')[0]])).toEqual([
      ['members/ivanov-copy.yaml', 1, 1, 'this record is the same as members/ivanov.yaml'],
      ['members/ivanov-old.yaml', 1, 1, 'this record is the same as members/ivanov.yaml'],
    ]);
  });
});
