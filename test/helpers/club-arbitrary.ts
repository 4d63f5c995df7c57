import fc from 'fast-check';
import { parse } from 'yaml';
import { CLUB_YAML } from './club-tree.js';

/** club.yaml of the generated folders: RU, FI and DE are member countries; FR people come as participants. */
export const GENERATED_CLUB = parse(CLUB_YAML) as object;

const day = (from: number, to: number) => fc.tuple(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const COUNTRIES = ['RU', 'FI', 'DE', 'FR'] as const;

/** A person: joined any time from 2015 (sometimes known only to the year), perhaps left later. */
const personArb = fc.record({
  country: fc.constantFrom(...COUNTRIES),
  joined: fc.oneof(day(2015, 2021), fc.integer({ min: 2015, max: 2021 }).map(String)),
  stay: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
  category: fc.constantFrom('customs', 'embassy'),
});

const meetingArb = fc.record({
  date: day(2016, 2021),
  status: fc.constantFrom('held', 'held', 'cancelled', 'planned'),
  division: fc.constantFrom('moscow', 'saint-petersburg'),
  attend: fc.array(fc.nat(30), { maxLength: 8 }),
  decisions: fc.array(fc.record({ due: fc.option(day(2016, 2022), { nil: undefined }), done: fc.option(day(2016, 2022), { nil: undefined }) }), { maxLength: 3 }),
  guests: fc.array(fc.constantFrom('Org A', 'Org B', undefined), { maxLength: 3 }),
  items: fc.array(fc.boolean(), { maxLength: 3 }),
});

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const earliest = (d: string) => (d.length === 4 ? `${d}-01-01` : d);

/** Records of a generated folder, as objects by collection and id; valid against the schemas. */
export const folderArb = fc.record({ people: fc.array(personArb, { minLength: 1, maxLength: 25 }), meetings: fc.array(meetingArb, { maxLength: 12 }) })
  .map(({ people, meetings }) => {
    const members: Record<string, object> = {};
    people.forEach((p, i) => {
      const start = earliest(p.joined);
      members[`m${i}`] = {
        name: `Member ${i}`,
        country: p.country,
        category: p.country === 'FR' ? 'participant' : p.category,
        division: i % 3 === 0 ? 'saint-petersburg' : 'moscow',
        joined: p.joined,
        ...(p.stay !== undefined ? { left: addDays(p.joined.length === 4 ? `${p.joined}-12-31` : start, p.stay) } : {}),
      };
    });
    const ids = Object.keys(members);
    const meetingRecords: Record<string, object> = {};
    meetings.forEach((m, i) => {
      const guests = m.guests.map((organization, g) => ({ id: `g${g}`, name: `Guest ${g}`, ...(organization ? { organization } : {}) }));
      meetingRecords[`${m.date}-x${i}`] = {
        date: m.date,
        kind: 'regular',
        division: m.division,
        status: m.status,
        ...(guests.length > 0 ? { guests } : {}),
        ...(m.items.length > 0 ? { agenda: m.items.map((byGuest, k) => ({ title: `Item ${k}`, ...(byGuest && guests.length > 0 ? { presenter: 'g0' } : { presenter: ids[k % ids.length] }) })) } : {}),
        ...(m.status === 'held' && m.attend.length > 0 ? { attendees: [...new Set(m.attend.map((n) => ids[n % ids.length]!))] } : {}),
        // Old plain sentences and decisions to follow up, some done (never before the meeting), some due.
        ...(m.status === 'held' && m.decisions.length > 0 ? {
          decisions: m.decisions.map((d, k) => (k === 0 ? `Decision ${k}` : {
            text: `Decision ${k}`,
            ...(d.due !== undefined ? { due: d.due } : {}),
            ...(d.done !== undefined && d.done >= m.date ? { done: d.done } : {}),
          })),
        } : {}),
      };
    });
    return { members, meetings: meetingRecords, decisionDates: meetings.map((m) => m.decisions) };
  });
