import type { Loaded } from '../../model/club.js';
import { addDays, earliest, latest } from '../../model/dates.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

const OPEN = '9999-12-31';

// The days a term surely covers: with partial dates, from the last day `from`
// can mean to the first day `to` can mean. Only those can overlap for certain.
const sureStart = (t: Loaded<'officer'>) => latest(t.data.from);
const sureEnd = (t: Loaded<'officer'>) => (t.data.to === undefined ? OPEN : earliest(t.data.to));

const describe = (t: Loaded<'officer'>) => `${t.data.from} – ${t.data.to ?? 'in office'}`;

// What to do about `term` starting while `clash` is still running. Ending `clash` the day before
// `term` starts is only advice when that day is not before `clash`'s own `from` (else following
// it gives a date-order error): two terms that begin the same day need one removed or re-dated.
function hintFor(term: Loaded<'officer'>, clash: Loaded<'officer'>): string {
  if (clash.data.to !== undefined) return 'one position has one holder at a time: correct the dates of one of the terms';
  const end = addDays(sureStart(term), -1);
  if (earliest(clash.data.from) <= end) {
    return `end the earlier term the day before: \`to: ${end}\` in ${clash.file} (or run \`club appoint\`)`;
  }
  const when = clash.data.from === term.data.from
    ? `both terms begin on ${term.data.from}`
    : `both terms may begin the same day (${clash.data.from} and ${term.data.from})`;
  return `${when} (this one and the one in ${clash.file}): remove one of them or correct its \`from\``;
}

/** No two terms of one position overlap. */
export const overlappingTerms: Rule = (club) => {
  const out: Diagnostic[] = [];
  const byPosition = new Map<string, Loaded<'officer'>[]>();
  for (const t of club.officers) {
    const list = byPosition.get(t.data.position) ?? [];
    list.push(t);
    byPosition.set(t.data.position, list);
  }
  for (const [position, terms] of byPosition) {
    terms.sort((a, b) => (sureStart(a) < sureStart(b) ? -1 : sureStart(a) > sureStart(b) ? 1 : a.id < b.id ? -1 : 1));
    // Terms still open when this one starts, by sorted start: a sweep, not every pair.
    let running: Loaded<'officer'>[] = [];
    for (const term of terms) {
      running = running.filter((r) => sureEnd(r) >= sureStart(term));
      const clash = running[0];
      if (clash) {
        out.push(problem(term, ['from'], 'overlapping-term',
          `this ${position} term (${describe(term)}) overlaps the term of \`${clash.data.member}\` (${describe(clash)}) in ${clash.file}`,
          { hint: hintFor(term, clash) }));
      }
      running.push(term);
    }
  }
  return out;
};
