import type { Club, Loaded } from '../model/club.js';
import { bullets, document, esc, table } from './markdown-escape.js';
import { chairOf, holderOn } from '../model/membership.js';
import { nextMeeting, personMd, positionTitle, previousMeeting, venueMd, whenWhereMd } from './meeting-facts.js';
import { clock, KIND_WORDS, longDate, longDateWithDay, minutesOf } from './words.js';

export interface Rendered {
  markdown: string;
  /** Things the secretary should know, said on stderr, e.g. the agenda overruns the planned end. */
  warnings: string[];
}

interface Slot {
  number: string;
  time: string;
  item: string;
  presenter: string;
}

/**
 * The agenda of a meeting: the standard frame (opening, approval of the previous
 * meeting's decisions, any other business, the next meeting, closing) around the
 * meeting's own items, each with its time slot from `start` and the minutes of
 * the items before it; breaks take time but get no number.
 */
export function renderAgenda(club: Club, meeting: Loaded<'meeting'>): Rendered {
  const m = meeting.data;
  const warnings: string[] = [];
  const chair = chairOf(club, meeting);
  const secretary = holderOn(club, 'secretary', m.date);
  const previous = previousMeeting(club, meeting);
  const next = nextMeeting(club, meeting);

  let now: number | undefined = m.start !== undefined ? minutesOf(m.start) : undefined;
  const untimed: string[] = [];
  const at = () => (now === undefined ? '' : clock(now));
  let n = 0;
  const slots: Slot[] = [];
  const frame = (item: string, presenter = '') => slots.push({ number: String(++n), time: at(), item, presenter });

  frame('Opening', chair ? `${esc(chair.data.name)}, chair` : '');
  if (previous) frame(`Approval of the decisions of the meeting of ${longDate(previous.data.date)}`);
  for (const item of m.agenda ?? []) {
    const isBreak = item.kind === 'break';
    const startAt = now;
    if (item.minutes === undefined) {
      untimed.push(item.title);
      now = undefined;
    } else if (now !== undefined) {
      now += item.minutes;
    }
    const time = startAt !== undefined && now !== undefined ? `${clock(startAt)}–${clock(now)}` : '';
    slots.push({
      number: isBreak ? '' : String(++n),
      time,
      item: isBreak ? `*Break: ${esc(item.title)}*` : esc(item.title),
      presenter: item.presenter !== undefined ? personMd(club, m, item.presenter) : '',
    });
  }
  frame('Any other business');
  frame(`Date and place of the next meeting: ${whenWhereMd(next)}`);
  frame('Closing');

  const facts = [
    ...(m.title ? [`**Meeting:** ${esc(m.title)}`] : []),
    `**Kind:** ${KIND_WORDS[m.kind]}`,
    `**Date:** ${longDateWithDay(m.date)}${m.start ? `, ${m.start}${m.end ? `–${m.end}` : ''}` : ''}`,
    `**Venue:** ${venueMd(m.venue)}`,
    `**Chair:** ${chair ? `${esc(chair.data.name)} (${esc(positionTitle(club, 'chairman'))})` : 'to be decided'}`,
    `**Secretary:** ${secretary ? esc(secretary.data.name) : 'vacant'}`,
  ];

  let timing: string;
  if (m.start === undefined) {
    timing = 'No start time is set, so the items have no time slots.';
  } else if (now === undefined) {
    timing = `The projected end cannot be worked out: no minutes are given for ${untimed.map((t) => `“${esc(t)}”`).join(', ')}.`;
  } else {
    timing = `Projected end: ${clock(now)}${m.end ? ` (planned end ${m.end})` : ''}.`;
    if (m.end !== undefined && now > minutesOf(m.end)) {
      const over = now - minutesOf(m.end);
      timing += `\n\n**Warning:** the items run ${over} minutes past the planned end.`;
      warnings.push(`the agenda of ${meeting.id} ends at ${clock(now)}, ${over} minutes after the planned end ${m.end}`);
    }
  }

  const guests = (m.guests ?? []).map((g) => {
    const who = [g.name, g.title, g.organization].filter((x): x is string => Boolean(x)).map(esc).join(', ');
    return `${who}${g.role ? ` (${esc(g.role)})` : ''}`;
  });

  return {
    markdown: document([
      // Data stays out of headings, whose last character markdownlint checks; the club's name is followed by fixed words.
      `# ${esc(club.info?.data.name ?? 'Club')}: agenda`,
      `## The ${KIND_WORDS[m.kind]} of ${longDate(m.date)}`,
      bullets(facts),
      guests.length > 0 && '### Invited guests',
      guests.length > 0 && bullets(guests),
      '### Items',
      table(['No.', 'Time', 'Item', 'Presenter'], slots.map((s) => [s.number, s.time, s.item, s.presenter])),
      timing,
    ]),
    warnings,
  };
}
