import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

/**
 * A `held` meeting is not in the future (an error: time will not make it right);
 * a `planned` one is not in the past (a warning: the secretary has yet to record what happened).
 */
export const meetingStatusDate: Rule = (club, asOf) => {
  const out: Diagnostic[] = [];
  for (const m of club.meetings) {
    const { status, date } = m.data;
    if (status === 'held' && date > asOf) {
      out.push(problem(m, ['status'], 'held-in-future', `the meeting of ${date} is marked held, but that date is after today (${asOf})`,
        { hint: `use \`status: planned\` until it has taken place, or move it: \`club reschedule ${m.id} --date YYYY-MM-DD\`` }));
    }
    if (status === 'planned' && date < asOf) {
      out.push(problem(m, ['status'], 'planned-in-past', `the meeting of ${date} is still marked planned, but that date has passed (today is ${asOf})`,
        { severity: 'warning', hint: `record what happened: \`club record ${m.id}\`, or call it off: \`club cancel ${m.id} --reason …\`` }));
    }
  }
  return out;
};
