import {
  applyRecord, currentRecord, movedByFlags, numberedItems, parseTime, withFlags, type MeetingRecord, type MemberOf, type RecordFlags,
} from '../authoring/record-meeting.js';
import { RefusedError, UsageError } from '../errors/errors.js';
import type { Loaded } from '../model/club.js';
import { countryName } from '../model/countries.js';
import { isMemberOn } from '../model/membership.js';
import { personId } from '../model/record-id.js';
import type { Decision, Guest } from '../model/types.js';
import { collator } from '../query/sort.js';
import { findMeeting } from './choose-id.js';
import { memberArgument } from './find-member.js';
import type { FilterGroup } from './filter-checkbox.js';
import type { Io } from './io.js';
import { printable } from '../report/printable.js';
import { loadData, type LoadedData } from './load-data.js';
import { pathUnder } from './reask.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { canPrompt, makePrompter, type Prompter } from './prompter.js';
import { writeChange, type WriteOptions } from './write-change.js';
import { askDate } from './typed-values.js';

export interface RecordOptions extends WriteOptions, RecordFlags {
  input?: boolean;
}

function refuseFuture(meeting: Loaded<'meeting'>, today: string): void {
  if (meeting.data.status === 'cancelled') {
    // Recording it would quietly undo the cancellation and drop its reason: that must be said, not done.
    throw new RefusedError(`the meeting \`${meeting.id}\` was cancelled${meeting.data.cancel_reason ? ` (${meeting.data.cancel_reason})` : ''}; nothing was written`,
      `if it took place after all, plan it again first: \`club unset ${meeting.id} cancel_reason && club set ${meeting.id} status=planned\`, then record it`);
  }
  if (meeting.data.date <= today) return;
  throw new RefusedError(`the meeting \`${meeting.id}\` is on ${meeting.data.date}, after today (${today}): it cannot be recorded yet; nothing was written`,
    `record it on the day or after; if it was held on another day, move it first: \`club reschedule ${meeting.id} --date YYYY-MM-DD\``);
}

const NO_FLAGS: RecordFlags = { attendee: [], apology: [], guest: [], guestAbsent: [], started: undefined, ended: undefined, itemNote: [], decision: [] };

const flagsGiven = (o: RecordFlags) => ({
  attendees: o.attendee.length > 0,
  apologies: o.apology.length > 0,
  guests: o.guest.length > 0 || o.guestAbsent.length > 0,
  times: o.started !== undefined || o.ended !== undefined,
  notes: o.itemNote.length > 0,
  decisions: o.decision.length > 0,
});

/** Members of the day, grouped by country (by English name), each findable by Latin or native name, id or country. */
function memberGroups(members: readonly Loaded<'member'>[], ticked: readonly string[]): FilterGroup<string>[] {
  const byCountry = new Map<string, Loaded<'member'>[]>();
  for (const m of members) byCountry.set(m.data.country, [...(byCountry.get(m.data.country) ?? []), m]);
  return [...byCountry.entries()]
    .map(([code, list]) => ({ code, name: countryName(code), list }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ code, name, list }) => ({
      label: `${name} (${code})`,
      choices: list.sort((a, b) => collator.compare(a.data.name, b.data.name)).map((m) => ({
        name: `${m.data.name}${m.data.name_native ? ` · ${m.data.name_native}` : ''}${m.data.organization ? ` — ${m.data.organization}` : ''}`,
        value: m.id,
        keywords: [m.id, ...(m.data.name_native ? [m.data.name_native] : [])],
        checked: ticked.includes(m.id),
      })),
    }));
}

/**
 * A member flag's value (--attendee, --apology, a decision's responsible) as every command takes a member:
 * the id, or the whole name as it is written (Latin or native); a part of a name, or one only transliterated
 * (王丽 for Wang Li / 王力), is answered "did you mean", as a file is written.
 */
const memberOf = (data: LoadedData): MemberOf => (flag, value) =>
  memberArgument(value, data.club.byId.members, { label: flag, known: (id) => data.club.unchecked.members.has(id) });

const optionalTime = (v: string) => { try { parseTime('', v); return true; } catch { return 'a time as HH:MM, e.g. 10:05'; } };

/** The parts `club record` asks, one question or list each. */
type Part = keyof ReturnType<typeof flagsGiven>;

/** Which part of the record gave which field of the meeting, to ask that part again when the record is refused. */
const PART_OF_FIELD: readonly [string, Part][] = [
  ['attendees', 'attendees'], ['apologies', 'apologies'], ['guests', 'guests'], ['started', 'times'], ['ended', 'times'],
  ['agenda', 'notes'], ['decisions', 'decisions'],
];

/**
 * Asks the given parts, in order; `r` holds the answers so far (at first what
 * the meeting has), which are the defaults and are changed in place.
 */
async function ask(p: Prompter, data: LoadedData, meeting: Loaded<'meeting'>, r: MeetingRecord, parts: ReadonlySet<Part>, io: Io): Promise<void> {
  const m = meeting.data;
  const asked = (part: Part) => parts.has(part);
  const ofTheDay = data.club.members.filter((x) => isMemberOn(x.data, m.date) || r.attendees.includes(x.id) || r.apologies.includes(x.id));
  io.stderr.write(`Recording the ${m.kind} meeting of ${m.date}${m.venue ? ` in ${m.venue.city}` : ''} (${meeting.file})\n`);

  if (asked('attendees') && ofTheDay.length > 0) {
    r.attendees = await p.filterCheckbox('Who came?', memberGroups(ofTheDay, r.attendees));
    r.apologies = r.apologies.filter((id) => !r.attendees.includes(id));
  }
  const rest = ofTheDay.filter((x) => !r.attendees.includes(x.id));
  if (asked('apologies') && rest.length > 0) {
    r.apologies = await p.filterCheckbox('Who sent apologies?', memberGroups(rest, r.apologies));
  }

  if (asked('guests')) {
    const invited = m.guests ?? [];
    if (invited.length > 0) {
      r.guestsWhoCame = await p.checkbox('Which invited guests came?', invited.map((g) => ({
        name: [g.name, g.title, g.organization].filter(Boolean).join(', '), value: g.id, checked: r.guestsWhoCame.includes(g.id),
      })));
    }
    if (r.newGuests.length > 0) {
      // Asked again: the guests added before are kept unless unticked.
      const kept = await p.checkbox('Guests added (untick one to drop it)', r.newGuests.map((g, i) => ({
        name: [g.name, g.title, g.organization, g.country].filter(Boolean).join(', '), value: i, checked: true,
      })));
      r.newGuests = r.newGuests.filter((_, i) => kept.includes(i));
    }
    const taken = new Set([...invited, ...r.newGuests].map((g) => g.id));
    while (await p.confirm(r.newGuests.length === 0 ? 'Did a guest come who was not invited?' : 'Another guest?', false)) {
      const name = await p.text('  Name (Latin script)', { required: true });
      const title = await p.text('  Title (optional)');
      const organization = await p.text('  Organization (optional)');
      const country = (await p.text('  Country (two-letter code, optional)', {
        validate: (v) => (/^[A-Za-z]{2}$/.test(v.trim()) ? true : 'a two-letter country code, e.g. EE'),
      })).trim().toUpperCase();
      let id = personId(name);
      for (let n = 2; taken.has(id); n++) id = `${personId(name)}-${n}`;
      taken.add(id);
      const guest: Guest = { id, name, ...(title ? { title } : {}), ...(organization ? { organization } : {}), ...(country ? { country } : {}) };
      r.newGuests.push(guest);
    }
  }

  if (asked('times')) {
    const started = await p.text('Started at (HH:MM)', { validate: optionalTime, ...(r.started ?? m.start ? { default: r.started ?? m.start } : {}) });
    r.started = started === '' ? undefined : parseTime('', started);
    const ended = await p.text('Ended at (HH:MM)', { validate: optionalTime, ...(r.ended ?? m.end ? { default: r.ended ?? m.end } : {}) });
    r.ended = ended === '' ? undefined : parseTime('', ended);
  }

  if (asked('notes')) {
    const numbered = numberedItems(m);
    for (const [k, i] of numbered.entries()) {
      const note = await p.text(`Item ${k + 1}, ${m.agenda![i]!.title}: what was said (optional)`, r.outcomes[i] ? { default: r.outcomes[i] } : {});
      r.outcomes[i] = note.trim() === '' ? undefined : note.trim();
    }
  }

  if (asked('decisions')) {
    if (r.decisions.length > 0) {
      const kept = await p.checkbox('Decisions (untick one to drop it)', r.decisions.map((d, i) => ({
        name: typeof d === 'string' ? d : d.text, value: i, checked: true,
      })));
      r.decisions = r.decisions.filter((_, i) => kept.includes(i));
    }
    const people = [
      { name: '(nobody)', value: '' },
      ...[...ofTheDay].sort((a, b) => collator.compare(a.data.name, b.data.name))
        .map((x) => ({ name: `${x.data.name}${x.data.name_native ? ` · ${x.data.name_native}` : ''} (${x.data.country})`, value: x.id })),
      ...[...(m.guests ?? []), ...r.newGuests].map((g) => ({ name: `${g.name} (guest)`, value: g.id })),
    ];
    while (await p.confirm(r.decisions.length === 0 ? 'Record a decision?' : 'Another decision?', r.decisions.length === 0)) {
      const text = (await p.text('  Decision', { required: true })).trim();
      const responsible = await p.search('  Responsible (type to search)', people);
      const due = await askDate(p, '  Due date');
      const decision: Decision = responsible === '' && due === '' ? text : { text, ...(responsible ? { responsible } : {}), ...(due ? { due } : {}) };
      r.decisions.push(decision);
    }
  }
}

/** `club record <meeting>`: who came, apologies, guests, actual times, what was said, decisions; the meeting becomes held. */
export async function recordCommand(id: string, options: RecordOptions, io: Io): Promise<number> {
  // The flags, emptied once they are taken into the answers (so an answer asked again is not overridden by its flag).
  let o: RecordOptions = { ...options };
  let answers: MeetingRecord | undefined;
  let prompter: Prompter | undefined;
  const given = flagsGiven(o);
  if (canPrompt(io, o.input) && !Object.values(given).every(Boolean)) {
    const data = await loadData(o, io);
    const meeting = findMeeting(data, id);
    refuseFuture(meeting, data.today);
    withFlags(meeting.data, currentRecord(meeting.data), o, memberOf(data)); // the flags' own mistakes are found before any question
    prompter = await makePrompter(io);
    answers = currentRecord(meeting.data);
    await ask(prompter, data, meeting, answers, new Set((Object.keys(given) as Part[]).filter((k) => !given[k])), io);
  }
  // At a terminal, a refused record asks again the parts the diagnostics point at, the answers so far as the defaults.
  const reask = canPrompt(io, o.input)
    ? async (errors: readonly Diagnostic[]): Promise<boolean> => {
      const parts = new Set<Part>();
      for (const d of errors) {
        if (!d.file.endsWith(`meetings/${id}.yaml`)) continue;
        for (const [field, part] of PART_OF_FIELD) if (pathUnder(d.path, field)) parts.add(part);
      }
      if (parts.size === 0) return false;
      const data = await loadData(o, io);
      const meeting = findMeeting(data, id);
      answers = withFlags(meeting.data, answers ?? currentRecord(meeting.data), o, memberOf(data));
      o = { ...o, ...NO_FLAGS };
      io.stderr.write('\nPlease answer again (the other answers are kept):\n');
      prompter ??= await makePrompter(io);
      await ask(prompter, data, meeting, answers, parts, io);
      return true;
    }
    : undefined;
  let said = false;
  await writeChange(o, io, (data) => {
    const meeting = findMeeting(data, id);
    refuseFuture(meeting, data.today);
    if (answers === undefined && !Object.values(given).some(Boolean)) {
      // Without a terminal and without a flag there is nothing to record: writing `status: held` alone
      // would make a held meeting with no one present that every document then reports.
      throw new UsageError(`nothing to record for \`${id}\`: without a terminal, say what happened with flags; nothing was written`,
        `e.g. club record ${id} --attendee ID --started HH:MM --ended HH:MM (or run it at a terminal to be asked)`);
    }
    const base = answers ?? currentRecord(meeting.data);
    if (!said) {
      // build() may run twice (preview, then under the lock): say it once.
      said = true;
      for (const m of movedByFlags(base, o, memberOf(data))) {
        io.stderr.write(m.from === 'attendees'
          ? `club: warning: ${printable(m.id)} was recorded as an attendee; --apology moves them to the apologies\n`
          : `club: warning: ${printable(m.id)} was recorded as sending apologies; --attendee moves them to the attendees\n`);
      }
    }
    const record = withFlags(meeting.data, base, o, memberOf(data));
    return {
      creates: [],
      edits: [{ collection: 'meetings', id, apply: (doc) => applyRecord(doc, meeting.data, record) }],
      message: `Record the meeting ${id}`,
    };
  }, { reask });
  return 0;
}
