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
  it('names the place and the role of each person who was not a member: chair, attendee, apology, presenter; a guest is not checked', async () => {
    const text = MEETING.replace('date: 2019-06-20\n', 'date: 2019-06-20\nchair: late-l\n')
      .replace('presenter: ivanov-i-i', 'presenter: late-l')
      .replace('attendees: [ivanov-i-i, petrov-p-p]', 'attendees: [ivanov-i-i, late-l, ambassador-fi]')
      .replace('apologies: [virtanen-a]', 'apologies: [virtanen-a, late-l]');
    const found = (await check({
      'members/late-l.yaml': member({ name: 'Late L.', joined: '2019-09-01' }),
      'meetings/2019-06-20-moscow.yaml': text,
    })).filter((d) => d.code === 'not-a-member-on-date');
    expect(found.map((d) => [d.path, d.line, d.column, d.message])).toEqual([
      ['chair', 2, 8, 'the chair `late-l` was not a member on 2019-06-20: joined only on 2019-09-01'],
      ['agenda[0].presenter', at(text, 'late-l', 'agenda').line, at(text, 'late-l', 'agenda').column,
        'the presenter of agenda item 1 `late-l` was not a member on 2019-06-20: joined only on 2019-09-01'],
      ['attendees[1]', at(text, 'late-l', 'attendees').line, at(text, 'late-l', 'attendees').column, 'attendee `late-l` was not a member on 2019-06-20: joined only on 2019-09-01'],
      ['apologies[1]', at(text, 'late-l', 'apologies').line, at(text, 'late-l', 'apologies').column, 'apology from `late-l` was not a member on 2019-06-20: joined only on 2019-09-01'],
    ]);
  });
});
