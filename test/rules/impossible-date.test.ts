import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { MEETING, member } from '../helpers/club-tree.js';

describe('impossible-date', () => {
  it('accepts real and partial dates, and a bare year', async () => {
    expectClean(await check({
      'members/ivanov-i-i.yaml': member({ name: 'Ivanov I.I.', joined: '2012-02-29' }),
      'members/petrov-p-p.yaml': member({ name: 'Petrov P.P.', joined: '2016' }),
    }));
  });
  it('reports 30 February in a partial-date field', async () => {
    const text = member({ joined: '2015-02-30' });
    const d = expectOne(await check({ 'members/ivanov-i-i.yaml': text }), 'impossible-date', 'members/ivanov-i-i.yaml', at(text, '2015-02-30'));
    expect(d.message).toContain('2015-02-30 is not a real date');
  });
  it('reports 29 February of a common year in a full-date field (the schema\'s date format)', async () => {
    const text = MEETING.replace('date: 2019-06-20', 'date: 2019-02-29');
    expectOne(await check({ 'meetings/2019-06-20-moscow.yaml': text }), 'impossible-date', 'meetings/2019-06-20-moscow.yaml', at(text, '2019-02-29'));
  });
});
