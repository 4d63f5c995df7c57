import type { Club } from '../../model/club.js';
import { earliest, latest } from '../../model/dates.js';
import { isMemberOn } from '../../model/membership.js';
import type { IsoDate } from '../../model/types.js';
import { membershipOn } from '../../query/membership-totals.js';
import type { BarChart, Timeline } from './chart.js';

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** The day a year is counted on: its last day, or `until` when the year ends after it. */
const countedOn = (year: number, until: IsoDate): IsoDate => (`${year}-12-31` < until ? `${year}-12-31` : until);

export interface ChartWords {
  title: string;
  unit: string;
  countryName: (code: string) => string;
}

/**
 * Representatives of each member country at the end of each year, from the
 * first year anyone represented a country up to `until` (the last year counted
 * on `until` itself). Participants are not representatives and are not counted.
 */
export function membershipChart(club: Club, until: IsoDate, words: ChartWords, countryOrder: (codes: string[]) => string[]): BarChart {
  const reps = club.members.filter((m) => m.data.category !== 'participant');
  const first = reps.length > 0 ? Math.min(...reps.map((m) => Number(earliest(m.data.joined).slice(0, 4)))) : Number(until.slice(0, 4));
  const years = range(first, Number(until.slice(0, 4)));
  const totals = years.map((y) => membershipOn(club, countedOn(y, until)));
  const countries = countryOrder([...new Set(totals.flatMap((t) => [...t.byCountry.keys()]))]);
  return {
    kind: 'bars',
    name: 'membership',
    title: words.title,
    unit: words.unit,
    categories: years.map(String),
    series: countries.map((c) => ({ key: c, label: words.countryName(c), values: totals.map((t) => t.byCountry.get(c)?.length ?? 0) })),
  };
}

/**
 * Meetings held in each calendar year from the first held meeting up to `until`: the club's
 * history, like the membership chart, not the report's period (whose table counts that); the
 * title says "per calendar year", so a season's first bar counting the year's earlier meetings
 * does not read as the season's count.
 */
export function meetingsChart(club: Club, until: IsoDate, words: { title: string; unit: string; series: string }): BarChart {
  const held = club.meetings.filter((m) => m.data.status === 'held' && m.data.date <= until);
  const last = Number(until.slice(0, 4));
  const first = held.length > 0 ? Math.min(...held.map((m) => Number(m.data.date.slice(0, 4)))) : last;
  const years = range(first, last);
  return {
    kind: 'bars',
    name: 'meetings',
    title: words.title,
    unit: words.unit,
    categories: years.map(String),
    series: [{ key: 'held', label: words.series, values: years.map((y) => held.filter((m) => m.data.date.startsWith(`${y}-`)).length) }],
  };
}

/**
 * The officers' terms that began by `until`, one row per position (in club.yaml's
 * order), each term a span from its first to its last day; a term still running
 * on `until` ends there and is marked open. Rows are labelled by `words.positionTitle`
 * (the document's language), else by club.yaml's title.
 */
export function officersChart(club: Club, until: IsoDate, words: { title: string; memberName: (id: string) => string; positionTitle?: (id: string) => string }): Timeline {
  const terms = club.officers.filter((t) => earliest(t.data.from) <= until);
  const positions = club.info?.data.positions ?? [];
  const rows = positions.map((p) => ({
    key: p.id,
    label: words.positionTitle?.(p.id) ?? p.title,
    spans: terms.filter((t) => t.data.position === p.id)
      .sort((a, b) => (earliest(a.data.from) < earliest(b.data.from) ? -1 : 1))
      .map((t) => {
        const end = t.data.to === undefined ? until : latest(t.data.to);
        return { label: words.memberName(t.data.member), from: earliest(t.data.from), to: end < until ? end : until, open: t.data.to === undefined || latest(t.data.to) > until };
      }),
  })).filter((r) => r.spans.length > 0);
  const from = rows.length > 0 ? rows.flatMap((r) => r.spans.map((s) => s.from)).sort()[0]! : until;
  return { kind: 'timeline', name: 'officers', title: words.title, from: `${from.slice(0, 4)}-01-01`, to: until, rows };
}

/** Used by tests to count what a membership bar should hold. */
export const representativesOn = (club: Club, date: IsoDate, country: string): number =>
  club.members.filter((m) => m.data.category !== 'participant' && m.data.country === country && isMemberOn(m.data, date)).length;
