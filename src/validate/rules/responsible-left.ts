import { asDecisionRecord } from '../../model/decisions.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

/**
 * A decision that is not done has someone to do it: a warning when the member responsible for it has left the club
 * by today (`club leave` on a member with open decisions said nothing, and the decision would stay overdue with no
 * one to follow it up). A guest responsible for a decision is not a member: nothing to check.
 */
export const responsibleLeft: Rule = (club, asOf) => {
  const out: Diagnostic[] = [];
  for (const meeting of club.meetings) {
    meeting.data.decisions?.forEach((decision, i) => {
      const d = asDecisionRecord(decision);
      if (d.done !== undefined || d.responsible === undefined) return;
      const left = club.byId.members.get(d.responsible)?.data.left;
      // A partial date (2026-10) compares as its first day: left by then.
      if (left === undefined || left > asOf) return;
      out.push(problem(meeting, ['decisions', i, 'responsible'], 'responsible-left',
        `decision ${i + 1} is not done, and \`${d.responsible}\`, responsible for it, left the club (${left})`,
        { severity: 'warning', hint: `give it to another member: \`club set ${meeting.id} decisions[${i}].responsible=ID\`, or record it done: \`club done ${meeting.id} ${i + 1}\`` }));
    });
  }
  return out;
};
