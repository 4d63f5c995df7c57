import { addDays, isFullDate } from '../../model/dates.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

/** A person who has left holds no open term of office. */
export const leftMemberInOffice: Rule = (club) => {
  const out: Diagnostic[] = [];
  for (const term of club.officers) {
    if (term.data.to !== undefined) continue;
    const member = club.byId.members.get(term.data.member)?.data;
    if (member?.left === undefined) continue;
    const end = isFullDate(member.left) ? addDays(member.left, -1) : member.left;
    out.push(problem(term, ['member'], 'left-member-in-office',
      `\`${term.data.member}\` left the club (${member.left}) but this ${term.data.position} term is still open`,
      { hint: `end the term: add \`to: ${end}\`` }));
  }
  return out;
};
