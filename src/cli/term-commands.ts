import { didYouMeanMember, memberChoice } from './choices.js';
import { memberArgument } from './find-member.js';
import type { Document } from 'yaml';
import { addDays, earliest, latest } from '../model/dates.js';
import { askDate, dateFlag } from './typed-values.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { RefusedError, UsageError } from '../errors/errors.js';
import type { Io } from './io.js';
import { resolveToday } from './today.js';
import { loadData, type LoadedData } from './load-data.js';
import { isMemberOn } from '../model/membership.js';
import { collator } from '../query/sort.js';
import { canPrompt, makePrompter } from './prompter.js';
import { reaskAnswers } from './reask.js';
import { setAfter, writeChange, type RecordEdit, type WriteOptions } from './write-change.js';

interface DatedOptions extends WriteOptions {
  input?: boolean;
}

/** A date flag: given, or asked at a terminal (today by default), or a usage error naming the flag. */
async function dateOption(value: string | undefined, flag: string, question: string, o: DatedOptions, io: Io, today: () => string): Promise<string> {
  if (value !== undefined) {
    return dateFlag(flag, value)!;
  }
  if (!canPrompt(io, o.input)) throw new UsageError(`missing ${flag}`, `e.g. ${flag} ${today()}`);
  const p = await makePrompter(io);
  return askDate(p, question, { default: today(), required: true });
}

/** The member an argument names, by id or by the whole name as it is written, Latin or native (find-member.ts); refused when their file has errors. */
function requireMember(data: LoadedData, value: string): string {
  const id = memberArgument(value, data.club.byId.members, { known: (x) => data.club.unchecked.members.has(x) });
  if (data.club.byId.members.has(id)) return id;
  if (data.club.unchecked.members.has(id)) throw new RefusedError(`the member ${id} has errors; correct them first`, `run: club validate`);
  throw new UsageError(`no member has the id or name \`${id}\``, didYouMeanMember(id, data.club.byId.members) ?? 'list them with `club list members`');
}

const setTo = (to: string) => (doc: Document) => setAfter(doc, 'to', to, 'from');

// The default date offered: today as the rest of club sees it ($CLUB_TODAY, else the clock).
const localToday = (io: Io) => () => resolveToday(undefined, io.env, io.now());

interface Appointment {
  position?: string;
  member?: string;
  from?: string;
}

/** Which answer gave which field of the new term, to ask it again when the term is refused. */
const APPOINTMENT_FIELDS: Record<string, keyof Appointment> = { position: 'position', member: 'member', from: 'from' };

/** The position select and the member search, with the answer being asked again first in the list (enter keeps it). */
async function askAppointment(a: Appointment, prev: Appointment, data: LoadedData, io: Io): Promise<void> {
  const p = await makePrompter(io);
  const first = <T extends { value: string }>(choices: T[], value: string | undefined) =>
    [...choices.filter((c) => c.value === value), ...choices.filter((c) => c.value !== value)];
  a.position ??= await p.select('Position', (data.club.info?.data.positions ?? []).map((x) => ({ name: x.title, value: x.id })), prev.position);
  a.member ??= await p.search(prev.member ? 'Member (type to search; enter keeps the one above)' : 'Member (type to search)', first(
    data.club.members.filter((m) => isMemberOn(m.data, data.today) || m.id === prev.member)
      .sort((x, y) => collator.compare(x.data.name, y.data.name))
      .map((m) => memberChoice(m.id, m.data)), prev.member));
}

/** `club appoint <position> <member> --from D`: ends the holder's term the day before and writes the new one. */
export async function appointCommand(positionArg: string | undefined, memberArg: string | undefined, options: DatedOptions & { from?: string; notes?: string; id?: string }, io: Io): Promise<number> {
  const a: Appointment = { position: positionArg, member: memberArg };
  const previous: Appointment = {};
  if (a.position === undefined || a.member === undefined) {
    if (!canPrompt(io, options.input)) {
      const missing = [a.position === undefined && '<position>', a.member === undefined && '<member>'].filter(Boolean).join(' and ');
      throw new UsageError(`missing ${missing}`, 'e.g. club appoint chairman vasiltsov-d-v --from 2020-01-01');
    }
    // A select of the positions and a searchable list of the members of today.
    await askAppointment(a, previous, await loadData(options, io), io);
  }
  a.from = await dateOption(options.from, '--from', 'First day of the term', options, io, localToday(io));
  let termFile: string | undefined;
  // At a terminal, a refused term asks again the pick at fault, and the first day with the last one as the default.
  const reask = canPrompt(io, options.input)
    ? reaskAnswers(io, a, previous, APPOINTMENT_FIELDS, () => termFile, async () => {
      const data = await loadData(options, io);
      if (a.from === undefined && a.member !== undefined) {
        // A term that starts before the member joined may be the wrong member as well as the wrong day: the pick is offered again too.
        previous.member = a.member;
        delete a.member;
      }
      await askAppointment(a, previous, data, io);
      a.from ??= await askDate(await makePrompter(io), 'First day of the term', { default: previous.from ?? localToday(io)(), required: true });
    })
    : undefined;
  await writeChange(options, io, (data) => {
    const { position, from } = a as Required<Appointment>;
    const positions = data.club.info?.data.positions.map((p) => p.id) ?? [];
    if (!positions.includes(position)) {
      throw new UsageError(`there is no position \`${position}\``, didYouMean(position, positions) ?? `positions: ${positions.join(', ')}`);
    }
    const member = requireMember(data, a.member!);
    const running = data.club.officers.filter((t) => t.data.position === position && (t.data.to === undefined || latest(t.data.to) >= from));
    const edits: RecordEdit[] = [];
    for (const t of running) {
      if (t.data.member === member && t.data.to === undefined) throw new RefusedError(`${member} already holds the position ${position} (${t.id})`);
      if (earliest(t.data.from) >= from) {
        throw new RefusedError(`the term ${t.id} of ${t.data.member} starts on ${t.data.from}, not before ${from}; nothing was written`,
          'correct that term first, or appoint from a later date');
      }
      if (t.data.to === undefined) edits.push({ collection: 'officers', id: t.id, apply: setTo(addDays(from, -1)) });
    }
    const taken = (id: string) => data.club.byId.officers.has(id) || data.club.unchecked.officers.has(id);
    const id = options.id ?? (taken(`${position}-${member}`) ? `${position}-${member}-${from}` : `${position}-${member}`);
    termFile = `officers/${id}.yaml`;
    return {
      creates: [{ collection: 'officers', id, record: { position, member, from, notes: options.notes } }],
      edits,
      message: `Appoint ${member} ${position} from ${from}`,
    };
  }, { reask });
  return 0;
}

/** `club leave <member> --on D`: the member leaves on D; their open terms end the day before. */
export async function leaveCommand(memberArg: string, options: DatedOptions & { on?: string }, io: Io): Promise<number> {
  const question = 'The day the member is no longer a member';
  let on = await dateOption(options.on, '--on', question, options, io, localToday(io));
  // At a terminal, a refused day (a meeting the member attended on or after it, a day before they joined) is asked
  // again with the refused one as the default, as add-meeting and appoint ask again the answer at fault: the member
  // is the argument, so the day is the one answer a refusal can be about.
  const reask = canPrompt(io, options.input)
    ? async (errors: readonly unknown[]): Promise<boolean> => {
      if (errors.length === 0) return false;
      io.stderr.write('\nPlease answer again:\n');
      on = await askDate(await makePrompter(io), question, { default: on, required: true });
      return true;
    }
    : undefined;
  await writeChange(options, io, (data) => {
    const member = requireMember(data, memberArg);
    const record = data.club.byId.members.get(member)!.data;
    if (record.left !== undefined) throw new RefusedError(`${member} already left on ${record.left}`);
    const edits: RecordEdit[] = [{ collection: 'members', id: member, apply: (doc) => setAfter(doc, 'left', on, 'joined') }];
    for (const t of data.club.officers.filter((x) => x.data.member === member && x.data.to === undefined)) {
      edits.push({ collection: 'officers', id: t.id, apply: setTo(addDays(on, -1)) });
    }
    return { creates: [], edits, message: `Record that ${member} left on ${on}` };
  }, { reask });
  return 0;
}

/** `club end-term <term-id> --to D`: the term's last day is D. */
export async function endTermCommand(termId: string, options: DatedOptions & { to?: string }, io: Io): Promise<number> {
  const to = await dateOption(options.to, '--to', 'Last day of the term', options, io, localToday(io));
  await writeChange(options, io, (data) => {
    const term = data.club.byId.officers.get(termId);
    if (!term) throw new UsageError(`there is no officer term \`${termId}\``, didYouMean(termId, data.club.byId.officers.keys()) ?? 'list them with `club list officers`');
    if (term.data.to !== undefined) throw new RefusedError(`the term ${termId} already ended on ${term.data.to}`);
    return { creates: [], edits: [{ collection: 'officers', id: termId, apply: setTo(to) }], message: `End term ${termId} on ${to}` };
  });
  return 0;
}
