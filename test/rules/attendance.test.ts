import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { MEETING, member } from '../helpers/club-tree.js';

describe('not-a-member-on-date', () => {
  it('accepts attendees and presenters who were members that day, and guests', async () => {
    expectClean(await check({ 'meetings/2019-06-20-moscow.yaml': MEETING }));
  });
  it('reports an attendee who had left before the meeting', async () => {
    const text = MEETING;
    const d = expectOne(await check({
      'members/petrov-p-p.yaml': member({ name: 'Petrov P.P.', joined: '2016-03-01', left: '2019-01-01' }),
      'officers/secretary-petrov-p-p.yaml': 'position: secretary\nmember: petrov-p-p\nfrom: 2016-03-01\nto: 2018-12-31\n',
      'officers/secretary-ivanov-i-i.yaml': 'position: secretary\nmember: ivanov-i-i\nfrom: 2019-01-01\n',
      'meetings/2019-06-20-moscow.yaml': text,
    }), 'not-a-member-on-date', 'meetings/2019-06-20-moscow.yaml', at(text, 'petrov-p-p', 'attendees'));
    expect(d.message).toContain('had left on 2019-01-01');
  });
  it('reports a presenter who joined after the meeting', async () => {
    const text = MEETING.replace('presenter: ivanov-i-i', 'presenter: late-l');
    expectOne(await check({
      'members/late-l.yaml': member({ name: 'Late L.', joined: '2019-09-01' }),
      'meetings/2019-06-20-moscow.yaml': text,
    }), 'not-a-member-on-date', 'meetings/2019-06-20-moscow.yaml', at(text, 'late-l'));
  });
});
