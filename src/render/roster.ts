import type { Club, Loaded } from '../model/club.js';
import { countryName } from '../model/countries.js';
import { isMemberCountryOn, isMemberOn } from '../model/membership.js';
import type { IsoDate } from '../model/types.js';
import { bullets, document, esc, table } from './markdown-escape.js';
import { holderOn } from '../model/membership.js';
import { byCountryName, byName, longDate, plural } from './words.js';

export interface RosterOptions {
  asOf: IsoDate;
  /** Only members of this division. */
  division?: string | undefined;
  /** Print e-mail and phone (never by default: the roster is handed out). */
  contacts?: boolean | undefined;
}

/** The roster: officers in office, members by country, participants, countries without a representative, totals. */
export function renderRoster(club: Club, options: RosterOptions): string {
  const info = club.info?.data;
  const { asOf } = options;
  const divisionName = (id: string) => info?.divisions.find((d) => d.id === id)?.city ?? id;
  const active = club.members.filter((m) => isMemberOn(m.data, asOf) && (options.division === undefined || m.data.division === options.division));
  const representatives = active.filter((m) => m.data.category !== 'participant');
  const participants = active.filter((m) => m.data.category === 'participant');
  const memberCountries = (info?.member_countries ?? []).filter((c) => isMemberCountryOn(c, asOf)).map((c) => c.country);

  const contactCells = (m: Loaded<'member'>) => (options.contacts
    ? [esc(m.data.email ?? ''), esc(m.data.phone ?? '')] // an address comes out as an autolink
    : []);
  const contactHeader = options.contacts ? ['E-mail', 'Phone'] : [];

  const officers = (info?.positions ?? []).map((p) => {
    const holder = holderOn(club, p.id, asOf);
    return [esc(p.title), holder ? esc(holder.data.name) : '*vacant*', holder ? esc(countryName(holder.data.country)) : ''];
  });

  const countries = [...new Set(representatives.map((m) => m.data.country))];
  const byCountry = byCountryName(countries, (c) => c).map((code) => {
    const people = byName(representatives.filter((m) => m.data.country === code), (m) => m.data.name);
    const rows = people.map((m) => [esc(m.data.name), esc(m.data.organization ?? ''), esc(m.data.title ?? ''), esc(divisionName(m.data.division)), ...contactCells(m)]);
    return `### ${esc(countryName(code))}\n\n${table(['Name', 'Organization', 'Title', 'Division', ...contactHeader], rows)}`;
  });

  const unrepresented = byCountryName(memberCountries.filter((c) => !countries.includes(c)), (c) => c);
  const outsiders = byName(participants, (m) => m.data.name);

  const scope = options.division === undefined ? '' : ` Division: ${esc(divisionName(options.division))}.`;
  return document([
    `# ${esc(info?.name ?? 'Club')}: roster`,
    `As of ${longDate(asOf)}.${scope}`,
    '## Officers',
    officers.length > 0 ? table(['Position', 'Name', 'Country'], officers) : 'No positions are defined in club.yaml.',
    '## Members by country',
    byCountry.length > 0 ? byCountry.join('\n\n') : 'No member represents a member country on this date.',
    '## Participants from countries that are not members',
    outsiders.length > 0
      ? table(['Name', 'Country', 'Organization', 'Title', 'Division', ...contactHeader],
        outsiders.map((m) => [esc(m.data.name), esc(countryName(m.data.country)), esc(m.data.organization ?? ''), esc(m.data.title ?? ''), esc(divisionName(m.data.division)), ...contactCells(m)]))
      : 'None.',
    '## Member countries with no representative on record',
    unrepresented.length > 0 ? bullets(unrepresented.map((c) => esc(countryName(c)))) : 'None: every member country is represented.',
    '## Totals',
    bullets([
      `Members: ${active.length} (${plural(representatives.length, 'representative')} of member countries, ${plural(participants.length, 'participant')})`,
      `Member countries represented: ${countries.filter((c) => memberCountries.includes(c)).length} of ${memberCountries.length}`,
      `Officers in office: ${officers.filter((o) => o[1] !== '*vacant*').length} of ${officers.length}`,
    ]),
  ]);
}
