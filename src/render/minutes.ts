import type { Club, Loaded } from '../model/club.js';
import { countryName } from '../model/countries.js';
import { bullets, document, esc, numbered, table } from './markdown-escape.js';
import { chairOf, holderOn } from '../model/membership.js';
import { nextMeeting, personMd, venueMd, whenWhereMd } from './meeting-facts.js';
import { byCountryName, byName, KIND_WORDS, longDate, longDateWithDay } from './words.js';

/** The minutes of a held meeting: who was there, what was presented, what was decided. */
export function renderMinutes(club: Club, meeting: Loaded<'meeting'>): string {
  const m = meeting.data;
  const chair = chairOf(club, meeting);
  const secretary = holderOn(club, 'secretary', m.date);
  const members = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => club.byId.members.get(id)).filter((x): x is Loaded<'member'> => x !== undefined);

  const present = byCountryName(byName(members(m.attendees), (x) => x.data.name), (x) => x.data.country);
  const apologies = byName(members(m.apologies), (x) => x.data.name);
  const items = (m.agenda ?? []).filter((a) => a.kind !== 'break')
    .map((a) => `${esc(a.title)}${a.presenter !== undefined ? ` — ${personMd(club, m, a.presenter)}` : ''}`);
  const guests = (m.guests ?? []).map((g) => [g.name, g.title, g.organization, g.country ? countryName(g.country) : undefined]
    .filter((x): x is string => Boolean(x)).map(esc).join(', '));

  return document([
    `# ${esc(club.info?.data.name ?? 'Club')}: minutes`,
    `## The ${KIND_WORDS[m.kind]} of ${longDate(m.date)}`,
    bullets([
      ...(m.title ? [`**Meeting:** ${esc(m.title)}`] : []),
      `**Kind:** ${KIND_WORDS[m.kind]}`,
      `**Date:** ${longDateWithDay(m.date)}`,
      `**Time:** ${m.start ?? 'not recorded'}${m.end ? `–${m.end}` : ''}`,
      `**Place:** ${venueMd(m.venue)}`,
      `**Chair:** ${chair ? esc(chair.data.name) : 'not recorded'}`,
      `**Secretary:** ${secretary ? esc(secretary.data.name) : 'not recorded'}`,
    ]),
    `### Present (${present.length})`,
    present.length > 0
      ? table(['Country', 'Name', 'Organization'], present.map((x) => [esc(countryName(x.data.country)), esc(x.data.name), esc(x.data.organization ?? '')]))
      : 'No attendance was recorded.',
    '### Apologies',
    apologies.length > 0 ? bullets(apologies.map((x) => `${esc(x.data.name)} (${esc(countryName(x.data.country))})`)) : 'None.',
    '### Guests',
    guests.length > 0 ? bullets(guests) : 'None.',
    '### Items',
    items.length > 0 ? numbered(items) : 'No agenda was recorded.',
    '### Decisions',
    (m.decisions ?? []).length > 0 ? numbered(m.decisions!.map(esc)) : 'No decisions were recorded.',
    '### Next meeting',
    `${whenWhereMd(nextMeeting(club, meeting))}.`,
  ]);
}
