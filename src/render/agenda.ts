import type { Club, Loaded } from '../model/club.js';
import { chairOf, holderOn } from '../model/membership.js';
import { blocks, bullets, emphasis, heading, note, paragraph, strong, table, type Block, type Doc, type InlineLike } from './doc-tree.js';
import type { Language } from '../model/types.js';
import { localeFor } from './locale.js';
import { nextMeeting, person, previousMeeting, venueText, whenWhere } from './meeting-facts.js';
import { clock, minutesOf } from './words.js';

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
 * the items before it. Only the meeting's own items are numbered, 1, 2, … in the
 * order of its file, breaks left out: the numbers `club record --item-note N=…`,
 * the minutes and `club show` use. The frame and the breaks take time but get no
 * number, so an approval item that comes and goes cannot shift them.
 */
export function agendaDocument(club: Club, meeting: Loaded<'meeting'>, lang: Language = 'en'): AgendaDocument {
  const l = localeFor(lang, club.info?.data);
  const { t } = l;
  const m = meeting.data;
  const warnings: string[] = [];
  const chair = chairOf(club, meeting);
  const secretary = holderOn(club, 'secretary', m.date);
  const previous = previousMeeting(club, meeting);
  const next = nextMeeting(club, meeting);

  let now: number | undefined = m.start !== undefined ? minutesOf(m.start) : undefined;
  const untimed: string[] = [];
  const at = () => (now === undefined ? '' : clock(now, l));
  let n = 0;
  const slots: Slot[] = [];
  const frame = (item: InlineLike, presenter = '') => slots.push({ number: '', time: at(), item, presenter });

  frame(t.agenda.opening, chair ? t.agenda.openedBy(l.person(chair.data)) : '');
  if (previous) frame(t.agenda.approval(previous.data.date));
  for (const item of m.agenda ?? []) {
    const isBreak = item.kind === 'break';
    const startAt = now;
    if (item.minutes === undefined) {
      untimed.push(item.title);
      now = undefined;
    } else if (now !== undefined) {
      now += item.minutes;
    }
    const time = startAt !== undefined && now !== undefined ? `${clock(startAt, l)}–${clock(now, l)}` : '';
    slots.push({
      number: isBreak ? '' : String(++n),
      time,
      item: isBreak ? emphasis(t.agenda.break(item.title)) : item.title,
      presenter: item.presenter !== undefined ? person(club, m, item.presenter, l) : '',
    });
  }
  frame(t.agenda.otherBusiness);
  frame(t.agenda.nextMeeting(whenWhere(next, l)));
  frame(t.agenda.closing);

  const label = t.common.label;
  const movedFrom = m.moved_from?.[0]?.date;
  const facts: InlineLike[] = [
    ...(m.title ? [[strong(label.meeting), ` ${m.title}`]] : []),
    [strong(label.kind), ` ${t.common.kind[m.kind]}`],
    // A moved meeting says so where its date is (as the plan and the calendar do): the invitation may have named the first date.
    [strong(label.date), ` ${l.dateWithDay(m.date)}${m.start ? `, ${m.start}${m.end ? `–${m.end}` : ''}` : ''}${movedFrom !== undefined && movedFrom !== m.date ? t.plan.movedFrom(movedFrom) : ''}`],
    [strong(label.venue), ` ${venueText(m.venue, l)}`],
    [strong(label.chair), ` ${chair ? t.agenda.chairAs(l.person(chair.data), l.position('chairman')) : t.common.toBeDecided}`],
    [strong(label.secretary), ` ${secretary ? l.person(secretary.data) : t.common.vacant}`],
  ];

  const timing: Block[] = [];
  if (m.start === undefined) {
    timing.push(paragraph(t.agenda.noStart));
  } else if (now === undefined) {
    timing.push(paragraph(t.agenda.cannotProject(untimed.map((x) => t.common.quote(x)).join(', '))));
  } else {
    timing.push(paragraph(t.agenda.projectedEnd(clock(now, l), m.end)));
    if (m.end !== undefined && now > minutesOf(m.end)) {
      const over = now - minutesOf(m.end);
      timing.push(note(t.agenda.warning, t.agenda.overrun(over)));
      // Said to the secretary on stderr, in the tool's language.
      warnings.push(`the agenda of ${meeting.id} ends at ${clock(now, localeFor('en', undefined))}, ${over} minutes after the planned end ${m.end}`);
    }
  }

  const guests = (m.guests ?? []).map((g) => {
    const who = [l.person(g), g.title, g.organization].filter((x): x is string => Boolean(x)).join(', ');
    return `${who}${g.role ? ` (${l.t.agenda.guestRole(g.role)})` : ''}`;
  });

  const clubName = l.clubName();
  return {
    doc: {
      // Data stays out of headings, whose last character markdownlint checks; the club's name is followed by fixed words.
      title: t.agenda.title(clubName),
      header: clubName,
      language: l.lang,
      blocks: blocks(
        heading(2, t.common.meetingHeading(t.common.kind[m.kind]!, m.date)),
        bullets(facts),
        guests.length > 0 && heading(3, t.agenda.invitedGuests),
        guests.length > 0 && bullets(guests),
        heading(3, t.agenda.items),
        table([t.agenda.column.number, t.agenda.column.time, t.agenda.column.item, t.agenda.column.presenter], slots.map((s) => [s.number, s.time, s.item, s.presenter]), [1, 3, 6, 5]),
        timing,
      ),
    },
    warnings,
  };
}
