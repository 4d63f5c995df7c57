import { countryName } from '../../model/countries.js';
import { isMemberCountryOn, isMemberOn } from '../../model/membership.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

/** Each member country has at least one active `customs` or `embassy` representative today (a warning). */
export const countryWithoutRepresentative: Rule = (club, asOf) => {
  const out: Diagnostic[] = [];
  const info = club.info;
  if (!info) return out;
  const represented = new Set<string>(); // one pass, no list of 100,000 members filtered and another mapped
  for (const m of club.members) if (m.data.category !== 'participant' && isMemberOn(m.data, asOf)) represented.add(m.data.country);
  info.data.member_countries.forEach((entry, i) => {
    if (!isMemberCountryOn(entry, asOf) || represented.has(entry.country)) return;
    out.push(problem(info, ['member_countries', i, 'country'], 'country-without-representative',
      `member country ${entry.country} (${countryName(entry.country)}) has no active representative on record on ${asOf}`,
      { severity: 'warning', hint: 'add its representative with `club add-member`, or record when the country left (`until`)' }));
  });
  return out;
};
