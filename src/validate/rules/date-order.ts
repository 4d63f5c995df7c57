import type { Loaded } from '../../model/club.js';
import { earliest, latest } from '../../model/dates.js';
import type { RecordKind } from '../../model/types.js';
import type { Diagnostic, FieldPath } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

/** A period does not end before it starts: joined ≤ left, from ≤ to, since ≤ until, start < end, started < ended. */
export const dateOrder: Rule = (club) => {
  const out: Diagnostic[] = [];
  const order = (record: Loaded<RecordKind>, base: FieldPath, startField: string, start: string | undefined, endField: string, end: string | undefined) => {
    if (start === undefined || end === undefined) return;
    if (earliest(start) <= latest(end)) return;
    out.push(problem(record, [...base, endField], 'date-order',
      `\`${endField}\` (${end}) is before \`${startField}\` (${start})`, { hint: `\`${endField}\` must be on or after \`${startField}\`` }));
  };
  for (const m of club.members) order(m, [], 'joined', m.data.joined, 'left', m.data.left);
  for (const t of club.officers) order(t, [], 'from', t.data.from, 'to', t.data.to);
  if (club.info) {
    const info = club.info;
    info.data.member_countries.forEach((c, i) => order(info, ['member_countries', i], 'since', c.since, 'until', c.until));
  }
  for (const m of club.meetings) {
    const { start, end } = m.data;
    if (start !== undefined && end !== undefined && start >= end) {
      out.push(problem(m, ['end'], 'time-order', `the meeting ends (${end}) before it starts (${start})`,
        { hint: '`end` must be later than `start` on the same day' }));
    }
    const { started, ended } = m.data;
    if (started !== undefined && ended !== undefined && started >= ended) {
      out.push(problem(m, ['ended'], 'time-order', `the meeting is recorded as ending (${ended}) before it started (${started})`,
        { hint: '`ended` must be later than `started` on the same day' }));
    }
  }
  return out;
};
