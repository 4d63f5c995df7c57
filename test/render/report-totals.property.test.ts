import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainText, type Block, type Doc, type Table } from '../../src/render/doc-tree.js';
import { reportDocument } from '../../src/render/report.js';
import { longDate } from '../../src/render/words.js';
import { folderArb, GENERATED_CLUB } from '../helpers/club-arbitrary.js';
import { loadObjects } from '../helpers/load-tree.js';

type Rec = Record<string, unknown>;

/** The table whose first header cell reads `first`, in the section under the heading `after` when given (else anywhere). */
function tableOf(doc: Doc, first: string, after?: string): Table | undefined {
  let inSection = after === undefined;
  for (const b of doc.blocks as Block[]) {
    if (b.kind === 'heading' && after !== undefined) inSection = plainText(b.content) === after;
    if (inSection && b.kind === 'table' && plainText(b.header[0]!) === first) return b;
  }
  return undefined;
}
const cell = (t: Table, rowLabel: string, col: number) => plainText(t.rows.find((r) => plainText(r[0]!) === rowLabel)![col]!);
const rowsOf = (t: Table | undefined) => t?.rows.length ?? 0;

// Independent of the code under test: membership read straight from the generated values.
const first = (d: string) => (d.length === 4 ? `${d}-01-01` : d);
const memberOn = (m: Rec, day: string) => first(String(m.joined)) <= day && (m.left === undefined || day < String(m.left));
/** Country names as the report shows them, made once (an Intl.DisplayNames costs ~16 us to make; the test asked for one per member per row). */
const regionName = new Intl.DisplayNames('en', { type: 'region' });
const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const periodArb = fc.oneof(
  fc.integer({ min: 2016, max: 2021 }).map((year) => ({ from: `${year}-01-01`, to: `${year}-12-31`, year })),
  fc.integer({ min: 2016, max: 2020 }).map((y) => ({ from: `${y}-09-01`, to: `${y + 1}-06-30`, year: undefined })),
);

describe('the report: every total is the count of the records it summarizes', () => {
  it('holds for generated folders and periods', () => {
    fc.assert(fc.property(folderArb, periodArb, ({ members, meetings }, period) => {
      const { club, diagnostics } = loadObjects(GENERATED_CLUB, { members, meetings });
      expect(diagnostics).toEqual([]);
      const doc = reportDocument(club, period);
      const people = Object.values(members) as Rec[];
      const start = dayBefore(period.from);
      const count = (day: string, pred: (m: Rec) => boolean) => people.filter((m) => memberOn(m, day) && pred(m)).length;
      const isPart = (m: Rec) => m.category === 'participant';

      const membership = tableOf(doc, 'Country', 'Membership')!;
      expect(Number(cell(membership, 'Members', 1))).toBe(count(start, () => true));
      expect(Number(cell(membership, 'Members', 4))).toBe(count(period.to, () => true));
      expect(Number(cell(membership, 'Representatives', 1))).toBe(count(start, (m) => !isPart(m)));
      expect(Number(cell(membership, 'Representatives', 4))).toBe(count(period.to, (m) => !isPart(m)));
      expect(Number(cell(membership, 'Participants from countries that are not members', 4))).toBe(count(period.to, isPart));
      // Each country row, and the columns add up: start + joined − left = end, and the countries sum to the total.
      const countryRows = membership.rows.slice(0, -3);
      for (const col of [1, 2, 3, 4]) {
        expect(countryRows.reduce((n, r) => n + Number(plainText(r[col]!)), 0)).toBe(Number(cell(membership, 'Representatives', col)));
      }
      for (const r of membership.rows) {
        const [, b, j, l, a] = r.map((c) => Number(plainText(c)));
        expect(b! + j! - l!).toBe(a);
      }
      for (const r of countryRows) {
        const code = people.find((m) => !isPart(m) && plainText(r[0]!) === regionName.of(String(m.country)))?.country;
        expect(Number(plainText(r[4]!))).toBe(count(period.to, (m) => !isPart(m) && m.country === code));
      }

      const inPeriod = (m: Rec) => String(m.date) >= period.from && String(m.date) <= period.to;
      const all = (Object.values(meetings) as Rec[]).filter(inPeriod);
      const held = all.filter((m) => m.status === 'held');
      const counts = tableOf(doc, 'Meetings of the period')!;
      expect(Number(cell(counts, 'In the plan', 1))).toBe(all.length);
      expect(Number(cell(counts, 'Held', 1))).toBe(held.length);
      expect(Number(cell(counts, 'Cancelled', 1))).toBe(all.filter((m) => m.status === 'cancelled').length);
      expect(Number(cell(counts, 'Still planned', 1))).toBe(all.filter((m) => m.status === 'planned').length);
      expect(rowsOf(tableOf(doc, 'Date', 'Meetings held'))).toBe(held.length);

      // Attendance: every attendance of a member at a held meeting of the period, counted once by member and once by country.
      const attendances = held.flatMap((m) => ((m.attendees ?? []) as string[]).filter((id) => memberOn(members[id] as Rec, String(m.date))));
      const byMember = tableOf(doc, 'Name', 'Attendance by member');
      expect(byMember?.rows.reduce((n, r) => n + Number(plainText(r[2]!)), 0) ?? 0).toBe(attendances.length);
      const possible = held.reduce((n, m) => n + people.filter((p) => memberOn(p, String(m.date))).length, 0);
      expect(byMember?.rows.reduce((n, r) => n + Number(plainText(r[3]!)), 0) ?? 0).toBe(possible);
      const byCountry = tableOf(doc, 'Country', 'Attendance by country');
      expect(byCountry?.rows.reduce((n, r) => n + Number(plainText(r[2]!)), 0) ?? 0).toBe(attendances.length);
      expect(byCountry?.rows.reduce((n, r) => n + Number(plainText(r[3]!)), 0) ?? 0).toBe(possible);

      expect(rowsOf(tableOf(doc, 'Date', 'Topics'))).toBe(held.reduce((n, m) => n + ((m.agenda ?? []) as Rec[]).filter((a) => a.kind !== 'break').length, 0));
      expect(rowsOf(tableOf(doc, 'Organization', 'Guests by organization'))).toBe(held.reduce((n, m) => n + ((m.guests ?? []) as Rec[]).filter((g) => g.attended !== false).length, 0));
      expect(rowsOf(tableOf(doc, 'Meeting', 'Taken in the period'))).toBe(held.reduce((n, m) => n + ((m.decisions ?? []) as unknown[]).length, 0));
      const everHeld = (Object.values(meetings) as Rec[]).filter((m) => m.status === 'held' && String(m.date) <= period.to);
      const stillOpen = everHeld.flatMap((m) => (m.decisions ?? []) as (string | Rec)[]).filter((d) => typeof d === 'string' || d.done === undefined || String(d.done) > period.to);
      expect(rowsOf(tableOf(doc, 'Meeting', `Still open on ${longDate(period.to)}`))).toBe(stillOpen.length);
    }), { numRuns: 80 });
  });
});
