import { isSeq, type Document } from 'yaml';
import { UsageError } from '../errors/errors.js';
import { isFullDate, isRealDate } from '../model/dates.js';
import { personId } from '../model/record-id.js';
import { setMeetingField } from './meeting-field.js';
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
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59) throw new UsageError(`${flag} must be a time as HH:MM, not \`${value}\``, 'e.g. 10:05');
  return `${t[1]!.padStart(2, '0')}:${t[2]}`;
}

/** A full date that exists, or a usage error naming the flag. */
export function parseDate(flag: string, value: string): string {
  if (!isFullDate(value)) throw new UsageError(`${flag} must be a date as YYYY-MM-DD, not \`${value}\``);
  if (!isRealDate(value)) throw new UsageError(`${flag}: ${value} is not a real date`, 'check the month and the day');
  return value;
}

const DECISION_KEYS = ['text', 'responsible', 'due', 'done'] as const;

/** `text=…; responsible=…; due=…` → `{text, responsible, due}`; a sentence with no keys is the text itself. A decision with only text stays a sentence. */
export function parseDecision(value: string): Decision {
  const keyed = /^\s*(text|responsible|due|done)\s*=/.test(value);
  if (!keyed) {
    if (value.trim() === '') throw new UsageError('--decision is empty', 'give the decision\'s text: --decision "Hold the next meeting in Pskov."');
    return value.trim();
  }
  const out: Partial<DecisionRecord> = {};
  for (const part of value.split(';').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, Math.max(eq, 0)).trim() as (typeof DECISION_KEYS)[number];
    if (eq < 0 || !DECISION_KEYS.includes(key)) {
      throw new UsageError(`--decision \`${value}\`: \`${part}\` is not KEY=VALUE with a known key`,
        `keys: ${DECISION_KEYS.join(', ')}; separate them with ;  (a decision whose text has a ; is written without keys: --decision "A; B")`);
    }
    const v = part.slice(eq + 1).trim();
    out[key] = key === 'due' || key === 'done' ? parseDate(`--decision ${key}`, v) : v;
  }
  if (!out.text) throw new UsageError(`--decision \`${value}\` has no text`, 'add text=…, e.g. --decision "text=Send the minutes; responsible=li-wei; due=2019-07-01"');
  return Object.keys(out).length === 1 ? out.text : (out as DecisionRecord);
}

/** `key=value; …` for a guest who came uninvited; the id defaults to one made from the name. */
export function parseNewGuest(value: string): Guest {
  const keys = ['id', 'name', 'title', 'organization', 'country', 'role'] as const;
  const out: Record<string, string> = {};
  for (const part of value.split(';').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, Math.max(eq, 0)).trim();
    if (eq < 0 || !(keys as readonly string[]).includes(key)) {
      throw new UsageError(`--guest \`${value}\`: \`${part}\` is neither an invited guest's id nor KEY=VALUE with a known key`,
        `an invited guest who came: --guest ID; a new one: --guest "name=…; title=…; organization=…; country=…" (keys: ${keys.join(', ')})`);
    }
    out[key] = key === 'country' ? part.slice(eq + 1).trim().toUpperCase() : part.slice(eq + 1).trim();
  }
  if (!out.name) throw new UsageError(`--guest \`${value}\` has no name`, 'add name=…, e.g. --guest "name=Tamm K.; country=EE"');
  const { id, name, ...rest } = out;
  return { id: id || personId(name), name, ...rest };
}

const sameText = (a: Decision, b: Decision) => (typeof a === 'string' ? a : a.text) === (typeof b === 'string' ? b : b.text);

/** The record after the flags: each adds to what the meeting has; a member given as an apology is no longer an attendee, and the other way round. */
export function withFlags(m: Meeting, base: MeetingRecord, f: RecordFlags): MeetingRecord {
  const out: MeetingRecord = { ...base, attendees: [...base.attendees], apologies: [...base.apologies], guestsWhoCame: [...base.guestsWhoCame],
    newGuests: [...base.newGuests], outcomes: [...base.outcomes], decisions: [...base.decisions] };
  const add = (list: string[], id: string) => { if (!list.includes(id)) list.push(id); };
  for (const id of f.attendee) {
    add(out.attendees, id);
    out.apologies = out.apologies.filter((x) => x !== id);
  }
  for (const id of f.apology) {
    if (f.attendee.includes(id)) throw new UsageError(`\`${id}\` is given both as --attendee and as --apology`, 'a member either came or sent apologies');
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
  for (const d of f.decision.map(parseDecision)) {
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
