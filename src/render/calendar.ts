import type { Club, Loaded } from '../model/club.js';
import { addDays } from '../model/dates.js';
import { slugify } from '../model/slug.js';
import type { IsoDate, Language, Meeting, MeetingMove } from '../model/types.js';
import { contentLines, escapeText } from './content-lines.js';
import { vtimezone } from './vtimezone.js';
import { localeFor, type Locale } from './locale.js';
import { person, venueText } from './meeting-facts.js';
import { clock, minutesOf } from './words.js';

const movesOf = (m: Meeting): MeetingMove[] => m.moved_from ?? [];

/**
 * The id a meeting was first given: the calendar UID comes from it, so a
 * meeting that is rescheduled (and renamed) replaces its event in a calendar
 * instead of adding a second one.
 */
export function originalId(meeting: Loaded<'meeting'>): string {
  return movesOf(meeting.data).find((move) => move.id !== undefined)?.id ?? meeting.id;
}

/** Each change a subscriber's calendar must take over the earlier copy: moves and a cancellation. */
export function sequenceOf(meeting: Meeting): number {
  return movesOf(meeting).length + (meeting.status === 'cancelled' ? 1 : 0);
}

/** The agenda as lines of plain text: each item with its time slot and presenter. */
function agendaText(club: Club, meeting: Meeting, l: Locale): string[] {
  let now = meeting.start !== undefined ? minutesOf(meeting.start) : undefined;
  return (meeting.agenda ?? []).map((item) => {
    const from = now;
    now = now !== undefined && item.minutes !== undefined ? now + item.minutes : undefined;
    const slot = from !== undefined && now !== undefined ? `${clock(from, l)}–${clock(now, l)} ` : '';
    const who = item.presenter !== undefined ? `${l.t.common.dash}${person(club, meeting, item.presenter, l)}` : '';
    return `${slot}${item.kind === 'break' ? l.t.agenda.break(item.title) : item.title}${who}`;
  });
}

/** The venue as the documents give it (venueText), or none when it is not set yet. */
function location(meeting: Meeting, l: Locale): string | undefined {
  return meeting.venue ? venueText(meeting.venue, l) : undefined;
}

const compact = (date: string) => date.replaceAll('-', '');
const wall = (date: IsoDate, time: string) => `${compact(date)}T${time.replace(':', '')}00`;

function eventLines(club: Club, meeting: Loaded<'meeting'>, uidDomain: string, zone: string, l: Locale): string[] {
  const m = meeting.data;
  const start = (m.status === 'held' ? m.started : undefined) ?? m.start;
  const end = (m.status === 'held' ? m.ended : undefined) ?? m.end;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${originalId(meeting)}@${uidDomain}`)}`,
    // From the data, not the clock or --as-of: a committed calendar goes stale when a meeting changes, not every day.
    `DTSTAMP:${compact(m.date)}T000000Z`,
  ];
  if (start !== undefined) {
    lines.push(`DTSTART;TZID=${zone}:${wall(m.date, start)}`);
    // An end at or before the start is an error in the data; the event then has no end rather than a wrong one.
    if (end !== undefined && minutesOf(end) > minutesOf(start)) lines.push(`DTEND;TZID=${zone}:${wall(m.date, end)}`);
  } else {
    lines.push(`DTSTART;VALUE=DATE:${compact(m.date)}`, `DTEND;VALUE=DATE:${compact(addDays(m.date, 1))}`);
  }
  const w = l.t.calendar;
  lines.push(`SEQUENCE:${sequenceOf(m)}`);
  lines.push(`SUMMARY:${escapeText(m.title ?? w.summary(l.t.common.kind[m.kind] ?? m.kind, club.info ? l.clubName() : ''))}`);
  const where = location(m, l);
  if (where !== undefined) lines.push(`LOCATION:${escapeText(where)}`);
  const about: string[] = [];
  const moves = movesOf(m);
  if (m.status === 'cancelled') about.push(w.cancelled(m.cancel_reason));
  if (moves.length > 0) about.push(w.movedFrom(moves[0]!.date));
  const agenda = agendaText(club, m, l);
  if (agenda.length > 0) about.push(...(about.length > 0 ? [''] : []), w.agenda, ...agenda);
  if (about.length > 0) lines.push(`DESCRIPTION:${escapeText(about.join('\n'))}`);
  lines.push(`STATUS:${m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  return lines;
}

export interface CalendarOptions {
  /** "Today": only the years of an empty calendar's VTIMEZONE come from it; events are stamped with their own date. */
  stamp: IsoDate;
  /** The language of the events' words (summary, description, country names); the UID does not depend on it. */
  lang?: Language;
}

/**
 * An iCalendar (RFC 5545) object with one event per meeting, in date order:
 * times in the club's zone, with a VTIMEZONE for the years the meetings span.
 */
export function renderCalendar(club: Club, meetings: readonly Loaded<'meeting'>[], options: CalendarOptions): string {
  const info = club.info?.data;
  const l = localeFor(options.lang ?? 'en', info);
  const zone = info?.timezone ?? 'UTC';
  // The UID comes from the English name in every language: the same meeting is the same event.
  const uidDomain = slugify(info?.name ?? 'club') || 'club';
  const name = info ? l.clubName() : 'club';
  const sorted = [...meetings].sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const years = sorted.length > 0
    ? [Number(sorted[0]!.data.date.slice(0, 4)), Number(sorted[sorted.length - 1]!.data.date.slice(0, 4))]
    : [Number(options.stamp.slice(0, 4)), Number(options.stamp.slice(0, 4))];
  return contentLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//club//club records//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(name)}`,
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${zone}`,
    ...vtimezone(zone, years[0]!, years[1]!),
    ...sorted.flatMap((m) => eventLines(club, m, uidDomain, zone, l)),
    'END:VCALENDAR',
  ]);
}
