import type { Club, Loaded } from '../model/club.js';
import { countryName } from '../model/countries.js';
import { isMemberCountryOn, isMemberOn } from '../model/membership.js';
import type { IsoDate } from '../model/types.js';
import { holderOn } from '../model/membership.js';
import { blocks, bullets, emphasis, heading, paragraph, table, type Doc } from './doc-tree.js';
import { byCountryName, byName, longDate, plural } from './words.js';

export interface RosterOptions {
  asOf: IsoDate;
  /** Only members of this division. */
  division?: string | undefined;
  /** Print e-mail and phone (never by default: the roster is handed out). */
  contacts?: boolean | undefined;
}

/** The roster: officers in office, members by country, participants, countries without a representative, totals. */
export function rosterDocument(club: Club, options: RosterOptions): Doc {
  const info = club.info?.data;
  const clubName = info?.name ?? 'Club';
  const { asOf } = options;
  const divisionName = (id: string) => info?.divisions.find((d) => d.id === id)?.city ?? id;
  const active = club.members.filter((m) => isMemberOn(m.data, asOf) && (options.division === undefined || m.data.division === options.division));
  const representatives = active.filter((m) => m.data.category !== 'participant');
  const participants = active.filter((m) => m.data.category === 'participant');
  const memberCountries = (info?.member_countries ?? []).filter((c) => isMemberCountryOn(c, asOf)).map((c) => c.country);

  // An address comes out as an autolink in Markdown.
  const contactCells = (m: Loaded<'member'>) => (options.contacts ? [m.data.email ?? '', m.data.phone ?? ''] : []);
  const contactHeader = options.contacts ? ['E-mail', 'Phone'] : [];
  const contactWidths = options.contacts ? [3, 2] : [];

  const officers = (info?.positions ?? []).map((p) => ({ title: p.title, holder: holderOn(club, p.id, asOf) }));

  const countries = [...new Set(representatives.map((m) => m.data.country))];
  const byCountry = byCountryName(countries, (c) => c).flatMap((code) => {
    const people = byName(representatives.filter((m) => m.data.country === code), (m) => m.data.name);
    const rows = people.map((m) => [m.data.name, m.data.organization ?? '', m.data.title ?? '', divisionName(m.data.division), ...contactCells(m)]);
    return [heading(3, countryName(code)), table(['Name', 'Organization', 'Title', 'Division', ...contactHeader], rows, [2, 3, 3, 2, ...contactWidths])];
  });

  const unrepresented = byCountryName(memberCountries.filter((c) => !countries.includes(c)), (c) => c);
  const outsiders = byName(participants, (m) => m.data.name);

  return {
    title: `${clubName}: roster`,
    header: clubName,
    language: 'en',
    blocks: blocks(
      paragraph(`As of ${longDate(asOf)}.`, options.division === undefined ? '' : ` Division: ${divisionName(options.division)}.`),
      heading(2, 'Officers'),
      officers.length > 0
        ? table(['Position', 'Name', 'Country'], officers.map((o) => [o.title, o.holder ? o.holder.data.name : emphasis('vacant'), o.holder ? countryName(o.holder.data.country) : '']), [2, 3, 2])
        : paragraph('No positions are defined in club.yaml.'),
      heading(2, 'Members by country'),
      byCountry.length > 0 ? byCountry : paragraph('No member represents a member country on this date.'),
      heading(2, 'Participants from countries that are not members'),
      outsiders.length > 0
        ? table(['Name', 'Country', 'Organization', 'Title', 'Division', ...contactHeader],
          outsiders.map((m) => [m.data.name, countryName(m.data.country), m.data.organization ?? '', m.data.title ?? '', divisionName(m.data.division), ...contactCells(m)]),
          [2, 2, 3, 3, 2, ...contactWidths])
        : paragraph('None.'),
      heading(2, 'Member countries with no representative on record'),
      unrepresented.length > 0 ? bullets(unrepresented.map((c) => countryName(c))) : paragraph('None: every member country is represented.'),
      heading(2, 'Totals'),
      bullets([
        `Members: ${active.length} (${plural(representatives.length, 'representative')} of member countries, ${plural(participants.length, 'participant')})`,
        `Member countries represented: ${countries.filter((c) => memberCountries.includes(c)).length} of ${memberCountries.length}`,
        `Officers in office: ${officers.filter((o) => o.holder !== undefined).length} of ${officers.length}`,
      ]),
    ),
  };
}
