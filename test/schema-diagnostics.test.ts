import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from './helpers/check.js';
import { CLUB_YAML, MEETING, member } from './helpers/club-tree.js';

const FILE = 'members/ivanov-i-i.yaml';

describe('schema diagnostics point at the offending node', () => {
  it('unknown-field: at the key, with the nearest field name', async () => {
    const text = `${member({})}joinde: 2015-01-01\n`;
    const d = expectOne(await check({ [FILE]: text }), 'unknown-field', FILE, at(text, 'joinde'));
    expect(d.hint).toBe('did you mean `joined`?');
  });
  it('unknown-field in a nested mapping: at that key', async () => {
    const text = MEETING.replace('  city: Moscow', '  city: Moscow\n  citty: Moscow');
    const d = expectOne(await check({ 'meetings/2019-06-20-moscow.yaml': text }), 'unknown-field', 'meetings/2019-06-20-moscow.yaml', at(text, 'citty'));
    expect(d.path).toBe('venue.citty');
  });
  it('missing-field: at the mapping that lacks it', async () => {
    const text = member({ joined: '' });
    const d = expectOne(await check({ [FILE]: text }), 'missing-field', FILE, { line: 1, column: 1 });
    expect(d.message).toBe('a member is missing the required field `joined`');
    // The field's schema description, written as club's hints are: lower case first, no closing full stop.
    expect(d.hint).toBe('add `joined:` — when the person joined the club');
  });
  it('missing-field: a description that starts with an abbreviation keeps its capitals', async () => {
    const text = CLUB_YAML.replace('  - country: FI\n', '  - note: x\n');
    const d = expectOne(await check({ 'club.yaml': text }), 'missing-field', 'club.yaml', at(text, 'note: x'));
    expect(d.hint).toBe('add `country:` — ISO 3166-1 alpha-2 code');
  });
  it('invalid-format: a schema description as the hint starts in lower case, its sentences one clause each, no closing full stop', async () => {
    const text = member({ joined: 'yes' });
    const d = expectOne(await check({ [FILE]: text }), 'invalid-format', FILE, at(text, 'yes'));
    // Its two sentences as two clauses of one hint.
    expect(d.hint).toBe('a date as YYYY-MM-DD, or only a month (YYYY-MM) or a year (YYYY) when that is all that is known; '
      + 'an unquoted year such as 2008 is accepted as that year');
  });
  it('missing-field in a list item: at the item', async () => {
    const text = MEETING.replace('  - id: ambassador-fi\n', '  - role: speaker\n');
    expectOne(await check({ 'meetings/2019-06-20-moscow.yaml': text }), 'missing-field', 'meetings/2019-06-20-moscow.yaml', at(text, 'role: speaker'))
  });
  it('wrong-type: at the value', async () => {
    const text = member({ languages: 'en' });
    const d = expectOne(await check({ [FILE]: text }), 'wrong-type', FILE, at(text, 'en', 'languages'));
    expect(d.message).toBe('`languages` must be a list, not the text `en`');
  });
  it('wrong-type: a full date written as a bare year is refused with a hint', async () => {
    const text = MEETING.replace('date: 2019-06-20', 'date: 2019');
    const d = expectOne(await check({ 'meetings/2019-06-20-moscow.yaml': text }), 'wrong-type', 'meetings/2019-06-20-moscow.yaml', at(text, '2019'));
    expect(d.hint).toContain('YYYY-MM-DD');
  });
  it('a bare year is accepted where a partial date is allowed', async () => {
    expectClean(await check({ [FILE]: member({ name: 'Ivanov I.I.', joined: '2015' }) }));
  });
  it('unknown-country: a country name gets its code as a hint', async () => {
    const text = member({ country: 'Finland' });
    const d = expectOne(await check({ [FILE]: text }), 'unknown-country', FILE, at(text, 'Finland'));
    expect(d.hint).toBe('did you mean `FI` (Finland)?');
  });
  it('unknown-country: ZZ and XX are not countries', async () => {
    for (const code of ['ZZ', 'XX']) {
      const text = member({ country: code });
      expectOne(await check({ [FILE]: text }), 'unknown-country', FILE, at(text, code));
    }
  });
  it('invalid-value: an enum value gets the nearest allowed one', async () => {
    const text = member({ category: 'custom' });
    const d = expectOne(await check({ [FILE]: text }), 'invalid-value', FILE, at(text, 'custom'));
    expect(d.hint).toBe('did you mean `customs`?');
  });
  it('invalid-format: a date in another notation', async () => {
    const text = member({ joined: '15.01.2015' });
    expectOne(await check({ [FILE]: text }), 'invalid-format', FILE, at(text, '15.01.2015'));
  });
  it('out-of-range: agenda minutes must be positive', async () => {
    const text = MEETING.replace('minutes: 10', 'minutes: 0');
    expectOne(await check({ 'meetings/2019-06-20-moscow.yaml': text }), 'out-of-range', 'meetings/2019-06-20-moscow.yaml', at(text, '0', 'minutes: '));
  });
  it('wrong-type: agenda minutes must be whole', async () => {
    const text = MEETING.replace('minutes: 10', 'minutes: 2.5');
    expectOne(await check({ 'meetings/2019-06-20-moscow.yaml': text }), 'wrong-type', 'meetings/2019-06-20-moscow.yaml', at(text, '2.5'));
  });
  it('duplicate-item: an attendee listed twice, at the second', async () => {
    const text = MEETING.replace('attendees: [ivanov-i-i, petrov-p-p]', 'attendees: [ivanov-i-i, petrov-p-p, ivanov-i-i]');
    expectOne(await check({ 'meetings/2019-06-20-moscow.yaml': text }), 'duplicate-item', 'meetings/2019-06-20-moscow.yaml',
      at(text, 'ivanov-i-i', 'petrov-p-p, '));
  });
  it('empty-value: an empty name', async () => {
    const text = member({ name: '""' });
    expectOne(await check({ [FILE]: text }), 'empty-value', FILE, at(text, '""'));
  });
  it('wrong-type: an empty field', async () => {
    const text = member({ name: 'Ivanov I.I.' }).replace('division: moscow', 'division:');
    const d = expectOne(await check({ [FILE]: text }), 'wrong-type', FILE, at(text, 'division:'));
    expect(d.message).toBe('`division` must be text, not empty');
  });
});
