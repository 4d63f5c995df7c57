import type { Club, Loaded } from '../model/club.js';
import { isMemberCountryOn, isMemberOn } from '../model/membership.js';
import type { IsoDate, Language } from '../model/types.js';
import { holderOn } from '../model/membership.js';
import { blocks, bullets, emphasis, heading, paragraph, table, type Doc } from './doc-tree.js';
import { byCountryName, byName, localeFor } from './locale.js';

export interface RosterOptions {
  asOf: IsoDate;
  /** Only members of this division. */
  division?: string | undefined;
  /** Print e-mail and phone (never by default: the roster is handed out). */
  contacts?: boolean | undefined;
  /** The language of the document (default English). */
  lang?: Language | undefined;
  /** The date the document says it is as of, when not `asOf`: checking a committed roster against today's data. */
  dated?: IsoDate | undefined;
}

/** The roster: officers in office, members by country, participants, countries without a representative, totals. */
export function rosterDocument(club: Club, options: RosterOptions): Doc {
  const info = club.info?.data;
  const l = localeFor(options.lang ?? 'en', info);
  const { t } = l;
  const col = t.common.column;
  const clubName = l.clubName();
  const { asOf } = options;
  const active = club.members.filter((m) => isMemberOn(m.data, asOf) && (options.division === undefined || m.data.division === options.division));
  const representatives = active.filter((m) => m.data.category !== 'participant');
  const participants = active.filter((m) => m.data.category === 'participant');
  const memberCountries = (info?.member_countries ?? []).filter((c) => isMemberCountryOn(c, asOf)).map((c) => c.country);

  // An address comes out as an autolink in Markdown.
  const contactCells = (m: Loaded<'member'>) => (options.contacts ? [m.data.email ?? '', m.data.phone ?? ''] : []);
  const contactHeader = options.contacts ? [col.email, col.phone] : [];
  const contactWidths = options.contacts ? [3, 2] : [];

  const officers = (info?.positions ?? []).map((p) => ({ title: l.position(p.id), holder: holderOn(club, p.id, asOf) }));

  const countries = [...new Set(representatives.map((m) => m.data.country))];
  const byCountry = byCountryName(l, countries, (c) => c).flatMap((code) => {
    const people = byName(l, representatives.filter((m) => m.data.country === code), (m) => l.person(m.data));
    const rows = people.map((m) => [l.person(m.data), m.data.organization ?? '', m.data.title ?? '', l.division(m.data.division), ...contactCells(m)]);
    return [heading(3, l.country(code)), table([col.name, col.organization, col.title, col.division, ...contactHeader], rows, [2, 3, 3, 2, ...contactWidths])];
  });

  const unrepresented = byCountryName(l, memberCountries.filter((c) => !countries.includes(c)), (c) => c);
  const outsiders = byName(l, participants, (m) => l.person(m.data));

  return {
    title: t.roster.title(clubName),
    header: clubName,
    language: l.lang,
    blocks: blocks(
      paragraph(t.roster.asOf(options.dated ?? asOf), options.division === undefined ? '' : t.roster.division(l.division(options.division))),
      heading(2, t.roster.officers),
      officers.length > 0
        ? table([col.position, col.name, col.country], officers.map((o) => [o.title, o.holder ? l.person(o.holder.data) : emphasis(t.common.vacant), o.holder ? l.country(o.holder.data.country) : '']), [2, 3, 2])
        : paragraph(t.roster.noPositions),
      heading(2, t.roster.membersByCountry),
      byCountry.length > 0 ? byCountry : paragraph(t.roster.noMembers),
      heading(2, t.roster.participants),
      outsiders.length > 0
        ? table([col.name, col.country, col.organization, col.title, col.division, ...contactHeader],
          outsiders.map((m) => [l.person(m.data), l.country(m.data.country), m.data.organization ?? '', m.data.title ?? '', l.division(m.data.division), ...contactCells(m)]),
          [2, 2, 3, 3, 2, ...contactWidths])
        : paragraph(t.common.none),
      heading(2, t.roster.unrepresented),
      unrepresented.length > 0 ? bullets(unrepresented.map((c) => l.country(c))) : paragraph(t.roster.allRepresented),
      heading(2, t.roster.totals),
      bullets([
        t.roster.members(active.length, representatives.length, participants.length),
        t.roster.countriesRepresented(countries.filter((c) => memberCountries.includes(c)).length, memberCountries.length),
        t.roster.officersInOffice(officers.filter((o) => o.holder !== undefined).length, officers.length),
      ]),
    ),
  };
}
