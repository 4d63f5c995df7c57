import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from './helpers/check.js';
import { member } from './helpers/club-tree.js';
import { plainContinuation } from '../src/parse/yaml-record.js';

describe('a value that ran on to the next line because of its indentation', () => {
  it('a list item one space too far: the hint on `not a known language code` says which line was taken in', async () => {
    const text = `${member({ name: 'Ivanov I.I.' })}languages:\n  - ru\n   - en\n`;
    const d = expectOne(await check({ 'members/ivanov-i-i.yaml': text }), 'invalid-value', 'members/ivanov-i-i.yaml', at(text, 'ru\n'));
    expect(d.message).toBe('`languages[0]`: `ru - en` is not a known language code');
    expect(d.hint).toBe('line 8 (`- en`) was read as the rest of this value because it is indented further; '
      + 'if it is an item or field of its own, indent it as far as the line above it (otherwise: did you mean `ru`?)');
  });
  it('a division whose next line ran on: the hint on whatever is reported at that value', async () => {
    const text = 'name: Ivanov I.I.\ncountry: RU\ncategory: customs\njoined: 2015-01-01\ndivision: moscow\n  city\n';
    const found = (await check({ 'members/ivanov-i-i.yaml': text })).filter((d) => d.path === 'division');
    expect(found.map((d) => [d.file, d.line, d.column])).toEqual([['members/ivanov-i-i.yaml', 5, 11]]);
    expect(found[0]!.hint).toMatch(/^line 6 \(`city`\) was read as the rest of this value because it is indented further/);
  });
  it('items indented alike, and a wrong value on one line: no such hint', async () => {
    expectClean(await check({ 'members/ivanov-i-i.yaml': `${member({ name: 'Ivanov I.I.' })}languages:\n  - ru\n  - en\n` }));
    const text = `${member({ name: 'Ivanov I.I.' })}languages:\n  - xx\n  - en\n`;
    const d = expectOne(await check({ 'members/ivanov-i-i.yaml': text }), 'invalid-value', 'members/ivanov-i-i.yaml', at(text, 'xx'));
    expect(d.hint ?? '').not.toContain('was read as the rest');
  });
  it('plainContinuation: only a plain value that spans lines, past blank lines; not a quoted or one-line value', () => {
    expect(plainContinuation('languages:\n  - ru\n   - en\n', 2, 5)).toEqual({ line: 3, text: '- en' });
    expect(plainContinuation('name: A\n\n  more\n', 1, 7)).toEqual({ line: 3, text: 'more' });
    expect(plainContinuation('name: A\nnext: 1\n', 1, 7)).toBeUndefined();
    expect(plainContinuation('name: "A\n  more"\n', 1, 7)).toBeUndefined();
    expect(plainContinuation('name: A\n', 9, 1)).toBeUndefined();
  });
});
