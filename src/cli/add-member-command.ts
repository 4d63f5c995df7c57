import { schemaCountryCodes } from '../model/countries.js';
import { askDate, dateFlag } from './typed-values.js';
import { countryReader } from '../model/country-input.js';
import { isMemberCountryOn } from '../model/membership.js';
import { countryChoice } from './choices.js';
import { hasNonLatinLetters, memberNameToLatin, nextFreeId, personId } from '../model/record-id.js';
import { palladiusWords } from '../model/palladius.js';
import type { Member } from '../model/types.js';
import { collator } from '../query/sort.js';
import { RefusedError, UsageError } from '../errors/errors.js';
import type { Io } from './io.js';
import { loadData, type LoadedData } from './load-data.js';
import { canPrompt, makePrompter, type Prompter } from './prompter.js';
import { countryCode, onlyDivision, requireId } from './choose-id.js';
import { reaskAnswers } from './reask.js';
import { writeChange, type WriteOptions } from './write-change.js';

export interface AddMemberOptions extends WriteOptions {
  input?: boolean;
  id?: string;
  name?: string;
  nameNative?: string;
  country?: string;
  category?: string;
  organization?: string;
  title?: string;
  division?: string;
  joined?: string;
  left?: string;
  email?: string;
  phone?: string;
  languages?: string;
  notes?: string;
}

const REQUIRED: { key: keyof AddMemberOptions; flag: string }[] = [
  { key: 'name', flag: '--name' },
  { key: 'country', flag: '--country' },
  { key: 'category', flag: '--category' },
  { key: 'division', flag: '--division' },
  { key: 'joined', flag: '--joined' },
];

/** The schema's `format: email`, checked as it is typed rather than after the whole record. */
export const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const validEmail = (v: string): string | true => (EMAIL.test(v) ? true : 'an e-mail address, like attache@example.org');

/** Which answer gave which field of the record, to ask it again when the record is refused. */
const FIELDS: Record<string, keyof AddMemberOptions> = {
  name: 'name', name_native: 'nameNative', country: 'country', category: 'category', organization: 'organization', title: 'title',
  division: 'division', joined: 'joined', left: 'left', email: 'email', phone: 'phone', languages: 'languages', notes: 'notes',
};

/**
 * The name as the club writes it: typed in Cyrillic or Chinese, it is kept as the native name and written in Latin
 * letters, which for a member from China typed in Cyrillic depends on the country (memberNameToLatin).
 */
function clubName(typed: string, native: string | undefined, country: string | undefined): { name: string; nameNative: string | undefined } {
  const name = typed.trim();
  return native === undefined && hasNonLatinLetters(name) ? { name: memberNameToLatin(name, country), nameNative: name } : { name, nameNative: native };
}

/** Asks for what the flags left out; `prev` holds answers being asked again, offered as defaults. */
async function ask(p: Prompter, o: AddMemberOptions, data: LoadedData, prev: Partial<AddMemberOptions> = {}): Promise<void> {
  const info = data.club.info?.data;
  const again = (v: string | undefined) => (v ? { default: v } : {});
  // A name given with --name is checked here too, before any question: its id may be taken.
  let given = o.id === undefined ? o.name : undefined;
  if (given !== undefined) o.name = undefined;
  // A name that reads as Palladius (Ли Вэй) makes its id from the country too (li-wei for China, li-vey otherwise):
  // when the country is still to be asked, its id is checked after that question.
  let later: string | undefined;
  const checkName = async () => {
    while (o.name === undefined) {
      const name = later ?? given ?? await p.text('Name (surname and initials, as the club writes it)', { required: true, ...again(prev.name) });
      given = undefined;
      later = undefined;
      if (o.id === undefined && o.country === undefined && o.nameNative === undefined && palladiusWords(name) !== undefined) {
        o.name = name;
        later = name;
        break;
      }
      // Said now, not after every other question: the id is made from the name (and the country, when given).
      const id = o.id ?? personId(clubName(name, o.nameNative, countryCode(o.country)).name);
      const taken = (c: string) => data.club.byId.members.has(c) || data.club.unchecked.members.has(c);
      if (o.id !== undefined || id === '' || !taken(id)) {
        o.name = name;
        break;
      }
      const existing = data.club.byId.members.get(id)?.data;
      const who = existing ? ` (${existing.name}, ${existing.country})` : '';
      const free = nextFreeId(id, taken);
      const choice = await p.select(`A member with the id ${id} already exists${who}. Is this another person?`, [
        { name: `yes, another person: give them the id ${free}`, value: 'other' },
        { name: 'no, I mistyped: type the name again', value: 'again' },
        { name: `no, the same person: stop here (to change their record: club set ${id} …)`, value: 'same' },
      ]);
      if (choice === 'same') {
        throw new RefusedError(`a member with the id \`${id}\` already exists${who}; nothing was written`,
          `to change their record, use \`club set ${id} FIELD=VALUE\` or \`club edit ${id}\``);
      }
      if (choice === 'other') {
        o.name = name;
        o.id = free;
      }
      prev = { ...prev, name };
    }
  };
  await checkName();
  o.category ??= await p.select('Category', [
    { name: 'customs: a representative of a customs service', value: 'customs' },
    { name: 'embassy: an embassy employee in charge of customs issues', value: 'embassy' },
    { name: 'participant: a diplomat of a country that is not a member', value: 'participant' },
  ], prev.category);
  if (o.country === undefined) {
    const members = (info?.member_countries ?? []).filter((c) => isMemberCountryOn(c, data.today)).map((c) => c.country);
    // A customs or embassy member represents a member country; a participant one that is not.
    const allCodes = schemaCountryCodes(data.schemaDocs.defs);
    const codes = o.category === 'participant' ? allCodes.filter((c) => !members.includes(c)) : members;
    const choices = codes.map(countryChoice).sort((a, b) => collator.compare(a.name, b.name));
    o.country = await p.search('Country (type to search)', choices);
  }
  if (later !== undefined) {
    o.name = undefined;
    await checkName();
  }
  if (o.division === undefined) {
    const divisions = info?.divisions ?? [];
    o.division = divisions.length === 1 ? divisions[0]!.id : await p.select('Division', divisions.map((d) => ({ name: d.city, value: d.id })), prev.division);
  }
  o.joined ??= await askDate(p, 'Joined', { default: prev.joined ?? data.today, required: true, partial: true });
  o.organization ??= await p.text('Organization (optional)', again(prev.organization));
  o.title ??= await p.text('Job title (optional)', again(prev.title));
  o.email ??= await p.text('E-mail (optional)', { ...again(prev.email), validate: validEmail });
  if (prev.phone !== undefined) o.phone ??= await p.text('Phone (international form, optional)', again(prev.phone));
  if (prev.left !== undefined) o.left ??= await askDate(p, 'Left', { ...again(prev.left), partial: true });
  if (prev.nameNative !== undefined) o.nameNative ??= await p.text('Name in the person\'s own script (optional)', again(prev.nameNative));
  if (prev.languages !== undefined) o.languages ??= await p.text('Languages (ISO 639-1 codes, comma-separated, optional)', again(prev.languages));
  if (prev.notes !== undefined) o.notes ??= await p.text('Notes (optional)', again(prev.notes));
}

/** `club add-member`: a new member file from flags and, at a terminal, answers. */
export async function addMemberCommand(options: AddMemberOptions, io: Io): Promise<number> {
  const o = { ...options };
  o.joined = dateFlag('--joined', o.joined, true);
  o.left = dateFlag('--left', o.left, true);
  let asked: LoadedData | undefined;
  if (o.division === undefined) {
    // A club with one division: that is the member's, with or without --no-input (as the prompt does).
    asked = await loadData(o, io);
    o.division = onlyDivision(asked);
  }
  if (o.country !== undefined && !/^\s*[A-Za-z]{2}\s*$/.test(o.country)) {
    // `--country Финляндия`, `--country Finland`, `--country РФ` are written as the code, as `set country=…` and `list --where` read them.
    asked ??= await loadData(o, io);
    o.country = countryReader(schemaCountryCodes(asked.schemaDocs.defs)).read(o.country) ?? o.country;
  }
  const missing = REQUIRED.filter((r) => o[r.key] === undefined);
  const previous: Partial<AddMemberOptions> = {};
  let prompter: Prompter | undefined;
  if (missing.length > 0) {
    if (!canPrompt(io, o.input)) {
      throw new UsageError(`missing ${missing.map((m) => m.flag).join(', ')}`,
        `pass ${missing.length === 1 ? 'it' : 'them'} as flags, or run club add-member at a terminal (without --no-input) to be asked`);
    }
    prompter = await makePrompter(io);
    asked ??= await loadData(o, io);
    await ask(prompter, o, asked, previous);
  }

  // Built from the answers each time, so an answer asked again after a refusal is used.
  const current = () => {
    const { name, nameNative } = clubName(o.name!, o.nameNative, countryCode(o.country));
    const record: Record<keyof Member, unknown> = {
      name,
      name_native: nameNative,
      country: countryCode(o.country),
      category: o.category,
      organization: o.organization,
      title: o.title,
      division: o.division,
      joined: o.joined,
      left: o.left,
      email: o.email,
      phone: o.phone,
      languages: o.languages?.split(',').map((l) => l.trim()).filter((l) => l !== ''),
      notes: o.notes,
    };
    const id = o.id ?? personId(name);
    if (id === '') throw new UsageError(`cannot make an id from the name \`${name}\``, 'pass one with --id');
    return { id, record };
  };
  current();

  const reask = canPrompt(io, o.input)
    ? reaskAnswers(io, o, previous, FIELDS, () => `members/${current().id}.yaml`, async () => {
      prompter ??= await makePrompter(io);
      asked ??= await loadData(o, io);
      await ask(prompter, o, asked, previous);
    })
    : undefined;
  await writeChange(o, io, (data) => {
    o.division = requireId('--division', o.division, data.club.info?.data.divisions.map((d) => d.id) ?? [], 'division');
    const { id, record } = current();
    if (o.id === undefined && data.club.byId.members.has(id)) {
      const existing = data.club.byId.members.get(id)!.data;
      throw new RefusedError(`a member with the id \`${id}\` already exists (${existing.name}, ${existing.country}); nothing was written`,
        `if this is another person, give the new one another id: --id ${nextFreeId(id, (c) => data.club.byId.members.has(c) || data.club.unchecked.members.has(c))}`);
    }
    return { creates: [{ collection: 'members', id, record }], edits: [], message: `Add member ${id}` };
  }, { reask });
  return 0;
}
