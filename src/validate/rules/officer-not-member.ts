import { earliest, isFullDate, latest } from '../../model/dates.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

/** An officer is a member for the whole term: the term starts no earlier than joining and ends by leaving. */
export const officerNotMember: Rule = (club) => {
  const out: Diagnostic[] = [];
  for (const term of club.officers) {
    const member = club.byId.members.get(term.data.member)?.data;
    if (!member) continue; // `unknown-reference` says so
    const { from, to } = term.data;
    if (latest(from) < earliest(member.joined)) {
      out.push(problem(term, ['from'], 'officer-not-member',
        `the term starts on ${from}, before \`${term.data.member}\` joined the club (${member.joined})`,
        { hint: `start the term on or after ${member.joined}, or correct \`joined\` in the member's file` }));
    }
    if (to !== undefined && member.left !== undefined) {
      const lastMemberDay = isFullDate(member.left) ? member.left : latest(member.left);
      if (earliest(to) > lastMemberDay) {
        out.push(problem(term, ['to'], 'officer-not-member',
          `the term ends on ${to}, after \`${term.data.member}\` left the club (${member.left})`,
          { hint: `end the term by ${member.left}` }));
      }
    }
  }
  return out;
};
