import { countryName } from '../../model/countries.js';
import { article } from '../../model/article.js';
import { earliest, latest } from '../../model/dates.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { MemberCountry } from '../../model/types.js';
import { problem, type Rule } from './rule.js';

/** A `customs` or `embassy` member represents a member country, one that was a member when they joined. */
export const countryNotMember: Rule = (club) => {
  const out: Diagnostic[] = [];
  const info = club.info?.data;
  if (!info) return out;
  // Each country's entries, in club.yaml's order, gathered once rather than filtered again for every member.
  const byCountry = new Map<string, MemberCountry[]>();
  for (const c of info.member_countries) {
    const entries = byCountry.get(c.country);
    if (entries === undefined) byCountry.set(c.country, [c]);
    else entries.push(c);
  }
  const none: MemberCountry[] = [];
  for (const m of club.members) {
    const { country, category, joined } = m.data;
    if (category === 'participant') continue;
    const entries = byCountry.get(country) ?? none;
    const name = (): string => `${country} (${countryName(country)})`;
    if (entries.length === 0) {
      out.push(problem(m, ['country'], 'country-not-member',
        `${name()} is not a member country of the club, so ${article(category)} \`${category}\` member cannot represent it`,
        { hint: 'a diplomat of a country that is not a member is a `participant`; or add the country to member_countries in club.yaml' }));
      continue;
    }
    // Generous with partial dates: any overlap of "joined" with the country's membership will do.
    const member = entries.some((c) => (c.since === undefined || earliest(c.since) <= latest(joined))
      && (c.until === undefined || earliest(joined) <= latest(c.until)));
    if (!member) {
      const spans = entries.map((c) => `${c.since ?? '…'} – ${c.until ?? 'now'}`).join(', ');
      out.push(problem(m, ['joined'], 'country-not-member',
        `${name()} was not a member country on ${joined} (member ${spans})`,
        { hint: 'check `joined`, or the country\'s since/until in club.yaml' }));
    }
  }
  return out;
};
