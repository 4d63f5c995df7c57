import { isSeq, type Document } from 'yaml';
import { UsageError } from '../errors/errors.js';
import { typedTimeProblem } from '../model/dates.js';
import { readDateFlag } from '../model/typed-date.js';
import { personId } from '../model/record-id.js';
import { setMeetingField } from './meeting-field.js';
import { parsePairs } from './pairs.js';
import type { Decision, DecisionRecord, Guest, Meeting } from '../model/types.js';

/** What `club record` writes about a meeting: the whole of it, as the meeting will have it. */
export interface MeetingRecord {
  attendees: string[];
  apologies: string[];
  /** Ids of the invited guests who came; the others are written `attended: false`. */
  guestsWhoCame: string[];
  /** Guests who came without being on the list. */
  newGuests: Guest[];
  started?: string | undefined;
  ended?: string | undefined;
  /** What was said, by agenda index (breaks included, so indexes match `agenda`). */
  outcomes: (string | undefined)[];
  decisions: Decision[];
}

/** The flags of `club record`, as commander gives them. */
export interface RecordFlags {
  attendee: string[];
  apology: string[];
  guest: string[];
  guestAbsent: string[];
  started?: string | undefined;
  ended?: string | undefined;
  itemNote: string[];
  decision: string[];
}

/** What the meeting says now: the defaults of a new `club record` run, so nothing is lost by running it again. */
export function currentRecord(m: Meeting): MeetingRecord {
  return {
    attendees: [...(m.attendees ?? [])],
    apologies: [...(m.apologies ?? [])],
    guestsWhoCame: (m.guests ?? []).filter((g) => g.attended !== false).map((g) => g.id),
    newGuests: [],
    started: m.started,
    ended: m.ended,
    outcomes: (m.agenda ?? []).map((a) => a.outcome),
    decisions: [...(m.decisions ?? [])],
  };
}

/** The agenda indexes of the numbered items (breaks get no number), so `--item-note 2=…` means the second item as the agenda shows it. */
export function numberedItems(m: Meeting): number[] {
  return (m.agenda ?? []).flatMap((a, i) => (a.kind === 'break' ? [] : [i]));
}

/** `9:05` or `09:05` → `09:05`; anything else is refused with the flag's name. */
export function parseTime(flag: string, value: string): string {
  const t = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59) throw new UsageError(typedTimeProblem(flag, value) ?? `${flag} must be a time as HH:MM (24-hour clock), not \`${value}\``);
  return `${t[1]!.padStart(2, '0')}:${t[2]}`;
}

/** A full date that exists, in ISO form however it was typed (15.01.2026 is 2026-01-15), or a usage error naming the flag. */
export function parseDate(flag: string, value: string): string {
  const read = readDateFlag(flag, value);
  if (read.problem !== undefined) throw new UsageError(read.problem);
  return read.iso;
}

const DECISION_KEYS = ['text', 'responsible', 'due', 'done'] as const;
const DECISION_FORM = '--decision "text=Send the minutes; responsible=vasiltsov-d-v; due=2019-10-01"';

/** `text=…; responsible=…; due=…` → `{text, responsible, due}`; a sentence with no keys is the text itself. A decision with only text stays a sentence. */
export function parseDecision(value: string): Decision {
  const keyed = /^\s*(text|responsible|due|done)\s*=/.test(value);
  if (!keyed) {
    if (value.trim() === '') throw new UsageError('--decision is empty', 'give the decision\'s text: --decision "Hold the next meeting in Pskov."');
    // `Send the minutes, responsible=li-wei` is pairs without the text= key, not a sentence to write as it is.
    const pair = /(?:^|[,;\s])(responsible|due|done)\s*=/.exec(value);
    if (pair) {
      throw new UsageError(`--decision \`${value}\` has \`${pair[1]}=\` but does not start with text=`,
        `write the decision as KEY=VALUE pairs separated by ;  ${DECISION_FORM}`);
    }
    return value.trim();
  }
  const out: Partial<DecisionRecord> = {};
  for (const [key, v] of parsePairs('--decision', value, DECISION_KEYS)) {
    out[key as (typeof DECISION_KEYS)[number]] = key === 'due' || key === 'done' ? parseDate(`--decision ${key}`, v) : v;
  }
  if (!out.text) throw new UsageError(`--decision \`${value}\` has no text`, `add text=…, e.g. ${DECISION_FORM}`);
  return Object.keys(out).length === 1 ? out.text : (out as DecisionRecord);
}

const GUEST_KEYS = ['id', 'name', 'title', 'organization', 'country', 'role'] as const;

/** `key=value; …` for a guest who came uninvited; the id defaults to one made from the name. */
export function parseNewGuest(value: string): Guest {
  if (!value.includes('=')) {
    throw new UsageError(`--guest \`${value}\` is neither an invited guest's id nor KEY=VALUE pairs`,
      `an invited guest who came: --guest ID; a new one: --guest "name=Tamm K.; title=Head; organization=Estonian Tax and Customs Board; country=EE" (keys: ${GUEST_KEYS.join(', ')})`);
  }
  const out: Record<string, string> = {};
  for (const [key, v] of parsePairs('--guest', value, GUEST_KEYS)) out[key] = key === 'country' ? v.toUpperCase() : v;
  if (!out.name) throw new UsageError(`--guest \`${value}\` has no name`, 'add name=…, e.g. --guest "name=Tamm K.; country=EE"');
  const { id, name, ...rest } = out;
  return { id: id || personId(name), name, ...rest };
}

const sameText = (a: Decision, b: Decision) => (typeof a === 'string' ? a : a.text) === (typeof b === 'string' ? b : b.text);

/** A member the flags move between the attendees and the apologies of a record. */
export interface Moved {
  id: string;
  from: 'attendees' | 'apologies';
}

/**
 * The member a flag's value means (`--attendee "Иванов И.П."` → ivanov-i-p), given by the command,
 * which knows the members; by default the value is the id.
 */
export type MemberOf = (flag: string, value: string) => string;
const asGiven: MemberOf = (_, value) => value;

/** Who `--attendee` takes off the apologies and `--apology` off the attendees: said, not done silently. */
export function movedByFlags(base: MeetingRecord, f: RecordFlags, member: MemberOf = asGiven): Moved[] {
  return [
    ...f.attendee.map((v) => member('--attendee', v)).filter((id) => base.apologies.includes(id)).map((id) => ({ id, from: 'apologies' as const })),
    ...f.apology.map((v) => member('--apology', v)).filter((id) => base.attendees.includes(id)).map((id) => ({ id, from: 'attendees' as const })),
  ];
}

/** The record after the flags: each adds to what the meeting has; a member given as an apology is no longer an attendee, and the other way round. */
export function withFlags(m: Meeting, base: MeetingRecord, f: RecordFlags, member: MemberOf = asGiven): MeetingRecord {
  const out: MeetingRecord = { ...base, attendees: [...base.attendees], apologies: [...base.apologies], guestsWhoCame: [...base.guestsWhoCame],
    newGuests: [...base.newGuests], outcomes: [...base.outcomes], decisions: [...base.decisions] };
  const add = (list: string[], id: string) => { if (!list.includes(id)) list.push(id); };
  const attendees = f.attendee.map((v) => member('--attendee', v));
  for (const id of attendees) {
    add(out.attendees, id);
    out.apologies = out.apologies.filter((x) => x !== id);
  }
  for (const id of f.apology.map((v) => member('--apology', v))) {
    if (attendees.includes(id)) throw new UsageError(`\`${id}\` is given both as --attendee and as --apology`, 'a member either came or sent apologies');
    add(out.apologies, id);
    out.attendees = out.attendees.filter((x) => x !== id);
  }
  const invited = (m.guests ?? []).map((g) => g.id);
  for (const g of f.guest) {
    if (invited.includes(g.trim())) add(out.guestsWhoCame, g.trim());
    else {
      const guest = parseNewGuest(g);
      if (invited.includes(guest.id)) add(out.guestsWhoCame, guest.id);
      else out.newGuests.push(guest);
    }
  }
  for (const id of f.guestAbsent) {
    if (!invited.includes(id)) {
      throw new UsageError(`--guest-absent \`${id}\` is not an invited guest of this meeting`,
        invited.length > 0 ? `the invited guests are: ${invited.join(', ')}` : 'this meeting has no invited guests');
    }
    if (f.guest.includes(id)) throw new UsageError(`\`${id}\` is given both as --guest and as --guest-absent`);
    out.guestsWhoCame = out.guestsWhoCame.filter((x) => x !== id);
  }
  if (f.started !== undefined) out.started = parseTime('--started', f.started);
  if (f.ended !== undefined) out.ended = parseTime('--ended', f.ended);
  const numbered = numberedItems(m);
  for (const note of f.itemNote) {
    const n = /^\s*(\d+)\s*=([\s\S]*)$/.exec(note);
    if (!n) throw new UsageError(`--item-note \`${note}\` is not N=TEXT`, 'e.g. --item-note "2=The board reported on transit."');
    const index = numbered[Number(n[1]) - 1];
    if (index === undefined) {
      throw new UsageError(`--item-note ${n[1]}: the agenda has ${numbered.length === 0 ? 'no numbered items' : `items 1 to ${numbered.length}`}`,
        numbered.length === 0 ? 'add the agenda first' : `the items: ${numbered.map((i, k) => `${k + 1}. ${m.agenda![i]!.title}`).join('; ')}`);
    }
    out.outcomes[index] = n[2]!.trim() === '' ? undefined : n[2]!.trim();
  }
  // A responsible who is no guest of the meeting is a member, by id or name.
  const guestIds = [...invited, ...out.newGuests.map((g) => g.id)];
  const responsible = (d: Decision): Decision => (typeof d === 'string' || d.responsible === undefined || guestIds.includes(d.responsible)
    ? d : { ...d, responsible: member('--decision responsible', d.responsible) });
  for (const d of f.decision.map(parseDecision).map(responsible)) {
    const at = out.decisions.findIndex((x) => sameText(x, d));
    // The same text again completes that decision (a responsible, a due date) instead of repeating it.
    if (at >= 0) out.decisions[at] = typeof d === 'string' ? out.decisions[at]! : { ...(typeof out.decisions[at] === 'string' ? {} : out.decisions[at] as DecisionRecord), ...d };
    else out.decisions.push(d);
  }
  return out;
}

/** The edit `club record` makes to the meeting's file: status held, and what the record says; comments and order stay. */
export function applyRecord(doc: Document, m: Meeting, r: MeetingRecord): void {
  setMeetingField(doc, 'status', 'held');
  setMeetingField(doc, 'cancel_reason', undefined); // a cancelled meeting that took place after all
  setMeetingField(doc, 'started', r.started);
  setMeetingField(doc, 'ended', r.ended);
  (m.guests ?? []).forEach((g, i) => {
    const came = r.guestsWhoCame.includes(g.id);
    if (came && g.attended === false) doc.deleteIn(['guests', i, 'attended']);
    if (!came && g.attended !== false) doc.setIn(['guests', i, 'attended'], false);
  });
  if (r.newGuests.length > 0) {
    if (isSeq(doc.get('guests'))) for (const g of r.newGuests) doc.addIn(['guests'], doc.createNode(g));
    else setMeetingField(doc, 'guests', r.newGuests);
  }
  (m.agenda ?? []).forEach((a, i) => {
    const outcome = r.outcomes[i];
    if (outcome === a.outcome) return;
    if (outcome === undefined || outcome === '') doc.deleteIn(['agenda', i, 'outcome']);
    else doc.setIn(['agenda', i, 'outcome'], outcome);
  });
  setMeetingField(doc, 'attendees', r.attendees);
  setMeetingField(doc, 'apologies', r.apologies);
  setMeetingField(doc, 'decisions', r.decisions);
}
