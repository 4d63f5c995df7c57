import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { MEETING, member } from '../helpers/club-tree.js';

describe('unknown-reference', () => {
  it('accepts references that resolve', async () => {
    expectClean(await check({
      'meetings/2019-06-20-moscow.yaml': MEETING,
      'publications/p.yaml': 'title: T\noutlet: customs\ndate: 2019-07-01\nmeetings: [2019-06-20-moscow]\n',
    }));
  });
  it('reports an officer term naming a missing member, with the nearest id', async () => {
    const text = 'position: secretary\nmember: petrov-pp\nfrom: 2016-03-01\n';
    const d = expectOne(await check({ 'officers/secretary-petrov-p-p.yaml': text }), 'unknown-reference',
      'officers/secretary-petrov-p-p.yaml', at(text, 'petrov-pp'));
    expect(d.message).toBe('officer term refers to member `petrov-pp`, which does not exist');
    expect(d.hint).toBe('did you mean member `petrov-p-p`?');
  });
  it('reports an unknown position', async () => {
    const text = 'position: chairmen\nmember: ivanov-i-i\nfrom: 2015-01-01\n';
    const d = expectOne(await check({ 'officers/chairman-ivanov-i-i.yaml': text }), 'unknown-reference',
      'officers/chairman-ivanov-i-i.yaml', at(text, 'chairmen'));
    expect(d.hint).toBe('did you mean position `chairman`?');
  });
  it('reports a member in an unknown division, naming the divisions there are when none is near', async () => {
    const text = member({ division: 'kazan' });
    const d = expectOne(await check({ 'members/ivanov-i-i.yaml': text }), 'unknown-reference', 'members/ivanov-i-i.yaml', at(text, 'kazan'));
    expect(d.message).toBe('member refers to division `kazan`, which does not exist');
    expect(d.hint).toBe('the divisions in club.yaml are: `moscow`, `saint-petersburg`; if `kazan` is a new one, add it to `divisions` in club.yaml');
  });
  it('an officer term in a position club.yaml does not list: the positions there are', async () => {
    const text = 'position: treasurer\nmember: ivanov-i-i\nfrom: 2015-01-01\n';
    const d = expectOne(await check({ 'officers/treasurer-ivanov-i-i.yaml': text }), 'unknown-reference',
      'officers/treasurer-ivanov-i-i.yaml', at(text, 'treasurer'));
    expect(d.message).toBe('officer term refers to position `treasurer`, which does not exist');
    expect(d.hint).toBe('the positions in club.yaml are: `chairman`, `secretary`; if `treasurer` is a new one, add it to `positions` in club.yaml');
  });
  it('a member id nothing is near: the few members there are', async () => {
    const text = 'position: secretary\nmember: nobody-x\nfrom: 2016-03-01\n';
    const d = expectOne(await check({ 'officers/secretary-petrov-p-p.yaml': text }), 'unknown-reference',
      'officers/secretary-petrov-p-p.yaml', at(text, 'nobody-x'));
    expect(d.hint).toBe('the members are: `ivanov-i-i`, `muller-k`, `petrov-p-p`, `virtanen-a`');
  });
  it('reports a meeting attendee who does not exist', async () => {
    const text = MEETING.replace('attendees: [ivanov-i-i, petrov-p-p]', 'attendees: [ivanov-i-i, nobody-x]');
    expectOne(await check({ 'meetings/2019-06-20-moscow.yaml': text }), 'unknown-reference',
      'meetings/2019-06-20-moscow.yaml', at(text, 'nobody-x'));
  });
  it('reports a presenter who is neither a member nor a guest', async () => {
    const text = MEETING.replace('presenter: ambassador-fi', 'presenter: ambassador-fr');
    const d = expectOne(await check({ 'meetings/2019-06-20-moscow.yaml': text }), 'unknown-reference',
      'meetings/2019-06-20-moscow.yaml', at(text, 'ambassador-fr'));
    expect(d.hint).toContain('`ambassador-fi`');
  });
  it('reports a publication about a missing meeting and in an unknown outlet', async () => {
    const text = 'title: T\noutlet: customz\ndate: 2019-07-01\nmeetings: [2019-06-21-moscow]\n';
    const d = await check({ 'publications/p.yaml': text });
    const found = d.filter((x) => x.code === 'unknown-reference').map((x) => [x.file, x.line, x.column]);
    expect(found).toEqual([
      ['publications/p.yaml', at(text, 'customz').line, at(text, 'customz').column],
      ['publications/p.yaml', at(text, '2019-06-21').line, at(text, '2019-06-21').column],
    ]);
  });
  it('does not report a reference to a record that exists but is itself invalid', async () => {
    const d = await check({ 'members/petrov-p-p.yaml': 'name: Petrov P.P.\n' });
    expect(d.filter((x) => x.code === 'unknown-reference')).toEqual([]);
    expect(d.some((x) => x.code === 'missing-field' && x.file === 'members/petrov-p-p.yaml')).toBe(true);
  });
});
