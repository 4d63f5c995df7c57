import { countryName } from '../../model/countries.js';
import { earliest } from '../../model/dates.js';
import { isMemberCountryOn } from '../../model/membership.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

/**
 * An officer speaks for the club, so represents a member country: a
 * participant from a country that is not a member (on the term's first day)
 * may hold an office only as an exception the club decides on, hence a
 * warning, not an error.
 */
export const officerFromNonMemberCountry: Rule = (club) => {
  const out: Diagnostic[] = [];
  const info = club.info?.data;
  if (!info) return out;
  for (const term of club.officers) {
    const member = club.byId.members.get(term.data.member)?.data;
    if (!member) continue; // `unknown-reference` says so
    const from = earliest(term.data.from);
    if (info.member_countries.some((c) => c.country === member.country && isMemberCountryOn(c, from))) continue;
    const position = info.positions.find((p) => p.id === term.data.position)?.title ?? term.data.position;
    out.push(problem(term, ['member'], 'officer-from-non-member-country',
      `${position} \`${term.data.member}\` represents ${member.country} (${countryName(member.country)}), which is not a member country on ${term.data.from}`,
      { severity: 'warning', hint: 'officers come from member countries; if the club decided otherwise, note it in the term\'s `notes`' }));
  }
  return out;
};
