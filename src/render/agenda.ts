import type { Club, Loaded } from '../model/club.js';
import { chairOf, holderOn } from '../model/membership.js';
import { blocks, bullets, emphasis, heading, note, paragraph, strong, table, type Block, type Doc, type InlineLike } from './doc-tree.js';
import { nextMeeting, person, positionTitle, previousMeeting, venueText, whenWhere } from './meeting-facts.js';
import { clock, KIND_WORDS, longDate, longDateWithDay, minutesOf } from './words.js';

export interface AgendaDocument {
  doc: Doc;
  /** Things the secretary should know, said on stderr, e.g. the agenda overruns the planned end. */
  warnings: string[];
}

interface Slot {
  number: string;
  time: string;
  item: InlineLike;
  presenter: string;
}

/**
 * The agenda of a meeting: the standard frame (opening, approval of the previous
 * meeting's decisions, any other business, the next meeting, closing) around the
 * meeting's own items, each with its time slot from `start` and the minutes of
 * the items before it; breaks take time but get no number.
 */
export function agendaDocument(club: Club, meeting: Loaded<'meeting'>): AgendaDocument {
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
  const frame = (item: InlineLike, presenter = '') => slots.push({ number: String(++n), time: at(), item, presenter });

  frame('Opening', chair ? `${chair.data.name}, chair` : '');
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
      item: isBreak ? emphasis(`Break: ${item.title}`) : item.title,
      presenter: item.presenter !== undefined ? person(club, m, item.presenter) : '',
    });
  }
  frame('Any other business');
  frame(`Date and place of the next meeting: ${whenWhere(next)}`);
  frame('Closing');

  const facts: InlineLike[] = [
    ...(m.title ? [[strong('Meeting:'), ` ${m.title}`]] : []),
    [strong('Kind:'), ` ${KIND_WORDS[m.kind]}`],
    [strong('Date:'), ` ${longDateWithDay(m.date)}${m.start ? `, ${m.start}${m.end ? `–${m.end}` : ''}` : ''}`],
    [strong('Venue:'), ` ${venueText(m.venue)}`],
    [strong('Chair:'), ` ${chair ? `${chair.data.name} (${positionTitle(club, 'chairman')})` : 'to be decided'}`],
    [strong('Secretary:'), ` ${secretary ? secretary.data.name : 'vacant'}`],
  ];

  const timing: Block[] = [];
  if (m.start === undefined) {
    timing.push(paragraph('No start time is set, so the items have no time slots.'));
  } else if (now === undefined) {
    timing.push(paragraph(`The projected end cannot be worked out: no minutes are given for ${untimed.map((t) => `“${t}”`).join(', ')}.`));
  } else {
    timing.push(paragraph(`Projected end: ${clock(now)}${m.end ? ` (planned end ${m.end})` : ''}.`));
    if (m.end !== undefined && now > minutesOf(m.end)) {
      const over = now - minutesOf(m.end);
      timing.push(note('Warning:', `the items run ${over} minutes past the planned end.`));
      warnings.push(`the agenda of ${meeting.id} ends at ${clock(now)}, ${over} minutes after the planned end ${m.end}`);
    }
  }

  const guests = (m.guests ?? []).map((g) => {
    const who = [g.name, g.title, g.organization].filter((x): x is string => Boolean(x)).join(', ');
    return `${who}${g.role ? ` (${g.role})` : ''}`;
  });

  const clubName = club.info?.data.name ?? 'Club';
  return {
    doc: {
      // Data stays out of headings, whose last character markdownlint checks; the club's name is followed by fixed words.
      title: `${clubName}: agenda`,
      header: clubName,
      language: 'en',
      blocks: blocks(
        heading(2, `The ${KIND_WORDS[m.kind]} of ${longDate(m.date)}`),
        bullets(facts),
        guests.length > 0 && heading(3, 'Invited guests'),
        guests.length > 0 && bullets(guests),
        heading(3, 'Items'),
        table(['No.', 'Time', 'Item', 'Presenter'], slots.map((s) => [s.number, s.time, s.item, s.presenter]), [1, 3, 6, 5]),
        timing,
      ),
    },
    warnings,
  };
}
