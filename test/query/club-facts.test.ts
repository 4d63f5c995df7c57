import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLUB_YAML } from '../helpers/club-tree.js';
import { loadObjects } from '../helpers/load-tree.js';
import { attendanceByCountry, attendanceByMember } from '../../src/query/attendance.js';
import { membershipOn } from '../../src/query/membership-totals.js';
import { minutesNumber } from '../../src/query/minutes-number.js';
import { guestsByOrganization, topicsPresented } from '../../src/query/topics.js';
import { yearPeriod } from '../../src/query/period.js';

const club = parse(CLUB_YAML) as object;
const person = (name: string, country: string, joined: string, extra: object = {}) =>
  ({ name, country, category: country === 'FR' ? 'participant' : 'customs', division: 'moscow', joined, ...extra });
const meeting = (date: string, division: string, status: string, extra: object = {}) =>
  ({ date, kind: 'regular', division, status, ...extra });

function fixture() {
  const { club: c, diagnostics } = loadObjects(club, {
    members: {
      a: person('A.', 'RU', '2015-01-01'),
      b: person('B.', 'RU', '2019-06-01'),
      c: person('C.', 'FI', '2015-01-01', { left: '2019-07-01' }),
      p: person('P.', 'FR', '2015-01-01'),
    },
    meetings: {
      m1: meeting('2019-03-01', 'moscow', 'held', { attendees: ['a', 'c', 'p'], guests: [{ id: 'g1', name: 'G1', organization: 'Org X' }, { id: 'g2', name: 'G2' }] }),
      m2: meeting('2019-05-01', 'moscow', 'cancelled'),
      m3: meeting('2019-09-01', 'moscow', 'held', {
        attendees: ['a', 'b'],
        guests: [{ id: 'g3', name: 'G3', organization: 'Org X' }],
        agenda: [{ title: 'Talk', presenter: 'a' }, { title: 'Coffee', kind: 'break' }, { title: 'Guest talk', presenter: 'g3' }],
      }),
      m4: meeting('2019-04-01', 'saint-petersburg', 'held', { attendees: ['a'] }),
      m5: meeting('2020-02-01', 'moscow', 'held', { attendees: ['a'] }),
    },
  });
  expect(diagnostics).toEqual([]);
  return c;
}

describe('minutes numbers', () => {
  it('count held meetings of the division in the year, by date; others have none', () => {
    const c = fixture();
    const no = (id: string) => minutesNumber(c, c.byId.meetings.get(id)!);
    expect([no('m1'), no('m3'), no('m4'), no('m5'), no('m2')]).toEqual([1, 2, 1, 1, undefined]);
  });
});

describe('membership totals', () => {
  it('members = representatives + participants; countries represented are member countries with a representative', () => {
    const t = membershipOn(fixture(), '2019-12-31');
    expect(t.members.map((m) => m.id).sort()).toEqual(['a', 'b', 'p']);
    expect(t.representatives.length + t.participants.length).toBe(t.members.length);
    expect(t.participants.map((m) => m.id)).toEqual(['p']);
    expect(t.countriesRepresented).toEqual(['RU']);
    expect(t.memberCountries).toEqual(['RU', 'FI', 'DE']);
  });
});

describe('attendance', () => {
  it('counts meetings attended of the meetings held while a member', () => {
    const rows = Object.fromEntries(attendanceByMember(fixture(), yearPeriod(2019)).map((a) => [a.member.id, [a.attended, a.possible]]));
    // held in 2019: m1 (Mar), m4 (Apr), m3 (Sep); b joined in June, c left in July
    expect(rows).toEqual({ a: [3, 3], b: [1, 1], c: [1, 2], p: [1, 3] });
  });
  it('sums by country, and counts the meetings a country was represented at', () => {
    const rows = attendanceByCountry(fixture(), yearPeriod(2019)).sort((x, y) => x.country.localeCompare(y.country));
    expect(rows).toEqual([
      { country: 'FI', people: 1, possible: 2, attended: 1, meetingsRepresented: 1 },
      { country: 'FR', people: 1, possible: 3, attended: 1, meetingsRepresented: 1 },
      { country: 'RU', people: 2, possible: 4, attended: 4, meetingsRepresented: 3 },
    ]);
  });
});

describe('topics and guests', () => {
  it('lists the items of held meetings with presenters, without breaks', () => {
    expect(topicsPresented(fixture(), yearPeriod(2019)).map((t) => [t.meeting.id, t.title, t.presenter])).toEqual([
      ['m3', 'Talk', 'a'], ['m3', 'Guest talk', 'g3'],
    ]);
  });
  it('groups guests by organization, those without one last', () => {
    expect(guestsByOrganization(fixture(), yearPeriod(2019)).map((g) => [g.organization, g.visits.map((v) => v.guest.id)])).toEqual([
      ['Org X', ['g1', 'g3']], [undefined, ['g2']],
    ]);
  });
});
