import { countryReader, foldName } from '../model/country-input.js';
import { excelSerialToIso, readDateText } from '../model/date-input.js';
import { hasNonLatinLetters, memberNameToLatin, nextFreeId, personId } from '../model/record-id.js';
import type { CountryCode, Division } from '../model/types.js';
import { cellText, type Cell, type Sheet } from '../parse/spreadsheet.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean, editDistance, nearestOf } from '../diagnostics/suggest.js';
import { MEMBER_FIELDS, type ColumnTarget, type MemberField } from './import-columns.js';

/** What the folder already holds that a row may match. */
export interface ExistingMember {
  id: string;
  name?: string;
  name_native?: string;
  country?: string;
  /** The fields its record has: a --default, or the name it was found by, only fills one it lacks. */
  fields?: ReadonlySet<string>;
}

export interface ImportContext {
  /** The spreadsheet as shown in messages (`members.xlsx`). */
  file: string;
  /** Country codes the schema allows. */
  codes: readonly CountryCode[];
  divisions: readonly Division[];
  /** Values for fields the sheet has no column for (or leaves empty): `--default category=customs`. */
  defaults: Partial<Record<MemberField, string>>;
  existing: readonly ExistingMember[];
  /** Ids taken in the folder, including those of files that do not parse. */
  taken(id: string): boolean;
  /** `--update`: a row that is a member the folder has updates it; one whose native name says it is another person is refused. */
  update?: boolean;
}

/** One spreadsheet row, read. */
export interface ImportRow {
  row: number;
  id?: string;
  /** The name as the row gives it, in Latin letters (its record may leave it out: an existing member's is kept). */
  name?: string;
  record?: Record<string, unknown>;
  /** Which column (index) each field came from, to point a problem at it. */
  columnOf: Partial<Record<MemberField, number>>;
  problems: Diagnostic[];
  /** The existing member this row is (same id, or same name and country). */
  duplicateOf?: string;
  /** The earlier row that is the same existing member (`duplicateOf`) too. */
  sameMemberAs?: number;
  /** Refused as not the member its name finds (another native name), as one of several members of that name, or as likely a member its name reads as (import-likely-copy). */
  unsure?: boolean;
  /** What the command says of the row besides its problems (a name taken only to say who it is, a new member whose name a member has). */
  notes?: string[];
}

const SCRIPTS = ['Latin', 'Cyrillic', 'Han', 'Greek', 'Arabic', 'Hebrew', 'Hangul', 'Hiragana', 'Katakana', 'Thai', 'Georgian', 'Armenian', 'Devanagari']
  .map((script) => ({ script, test: new RegExp(`\\p{Script=${script}}`, 'u') }));
/** The script a name is written in, by its first letter: 王立 and 王力 share one, Ван Фан and 王芳 do not. */
const scriptOf = (text: string): string => {
  const letter = [...text].find((ch) => /\p{L}/u.test(ch)) ?? '';
  return SCRIPTS.find((s) => s.test.test(letter))?.script ?? 'other';
};

/**
 * A name read into Latin from another script is a member's name when its surname is theirs, give or take what reading
 * cannot bring back: accents (Новак → Novak for Novák), a letter read another way (Корхонен Й. → Korhonen Y. for
 * Korhonen J.; Дюпон → Dyupon for Dupont): at most a third of its letters, and two, apart. Initials are not compared.
 */
function readsAsName(name: string, reading: string): boolean {
  const surname = (text: string) => foldName(text.normalize('NFD').replace(/\p{M}/gu, '').trim().split(/[\s,]+/)[0] ?? '');
  const [a, b] = [surname(name), surname(reading)];
  if (a === '' || b === '') return false;
  return editDistance(a, b) <= Math.min(2, Math.floor(Math.max(a.length, b.length) / 3));
}

export const CELL_LIMITS = { text: 500, notes: 4_000 } as const;

const CATEGORIES: Record<string, string> = {
  customs: 'customs', embassy: 'embassy', participant: 'participant',
  таможня: 'customs', таможенник: 'customs', 'таможенная служба': 'customs', 'представитель таможенной службы': 'customs',
  посольство: 'embassy', 'сотрудник посольства': 'embassy', участник: 'participant', наблюдатель: 'participant',
};
const CATEGORY = new Map(Object.entries(CATEGORIES).map(([k, v]) => [foldName(k), v]));

// Division cities people write in Russian; the club's records name them in English.
const CITY_RU: Record<string, string> = { москва: 'Moscow', 'санкт-петербург': 'Saint Petersburg', петербург: 'Saint Petersburg', спб: 'Saint Petersburg' };

// Emptiness written out: a dash or "n/a" in a cell means nothing was given.
const BLANK = /^(-|–|—|n\/?a|нет)$/i;
// Control characters, and the invisible marks that turn text around (a name that shows backwards in a terminal).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

let languageNames: Map<string, string> | undefined;
/** ISO 639-1 codes by code and by English or Russian name (`Russian`, `русский`). */
function languages(): Map<string, string> {
  if (languageNames) return languageNames;
  languageNames = new Map();
  const en = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
  const ru = new Intl.DisplayNames('ru', { type: 'language', fallback: 'none' });
  const a = 'abcdefghijklmnopqrstuvwxyz';
  for (const x of a) {
    for (const y of a) {
      const code = x + y;
      const name = en.of(code);
      if (name === undefined || name === code) continue;
      languageNames.set(code, code);
      languageNames.set(foldName(name), code);
      const r = ru.of(code);
      if (r && r !== code) languageNames.set(foldName(r), code);
    }
  }
  return languageNames;
}

/**
 * Reads a sheet's rows into member records, the way add-member would make them:
 * Latin name and native name apart, the id from the Latin name, codes for countries,
 * ISO dates. Each problem is a Diagnostic on the spreadsheet: `line` is the row,
 * `column` the column (1-based), `path` the column's header.
 */
export function readMemberRows(sheet: Sheet, targets: readonly (ColumnTarget | undefined)[], ctx: ImportContext): ImportRow[] {
  const countries = countryReader(ctx.codes);
  const columnsOf = (field: MemberField) => targets.flatMap((t, i) => (t === field ? [i] : []));
  const header = (col: number) => sheet.headers[col] || `column ${col + 1}`;

  const existingById = new Map(ctx.existing.map((m) => [m.id, m]));
  // Every member by each of their names and their country: two members may share a Latin name (Wang Li / 王力, Wang Li / 王立).
  const existingByName = new Map<string, ExistingMember[]>();
  for (const m of ctx.existing) {
    for (const n of new Set([m.name, m.name_native])) {
      if (!n || !m.country) continue;
      const key = `${foldName(n)}\u0000${m.country}`;
      existingByName.set(key, [...(existingByName.get(key) ?? []), m]);
    }
  }
  const namesOf = (m: { name?: string; name_native?: string }) => [m.name, m.name_native].filter((n) => n !== undefined && n !== '').join(' / ');
  const sheetIds = new Set<string>();
  const sheetPeople = new Map<string, number>();
  const sheetMembers = new Map<string, number>();
  /** Names rows by id give members that had them not, by the name folded: the row and the member. */
  const sheetNewNames = new Map<string, { row: number; id: string }>();

  return sheet.rows.map((r): ImportRow => {
    const out: ImportRow = { row: r.row, columnOf: {}, problems: [] };
    const problem = (col: number | undefined, code: string, message: string, hint?: string) => {
      out.problems.push({ code, severity: 'error', message, ...(hint ? { hint } : {}), file: ctx.file, line: r.row, column: col === undefined ? 0 : col + 1,
        path: col === undefined ? '' : header(col) });
    };

    /** The text of a cell, checked: no formulas, control characters or novels. */
    const text = (field: MemberField, col: number): string | undefined => {
      const cell: Cell = r.cells[col] ?? { kind: 'empty' };
      if (cell.kind === 'empty') return undefined;
      if (cell.kind === 'formula') {
        problem(col, 'import-formula', `the cell holds a formula (=${cell.formula.slice(0, 40)}); formulas are not imported`, 'replace it with its value (copy, paste values only)');
        return undefined;
      }
      if (cell.kind === 'error') {
        problem(col, 'import-cell-error', `the cell shows an error (${cell.text})`);
        return undefined;
      }
      let t = cellText(cell).replace(/\r\n?/g, '\n');
      if (CONTROL.test(t)) {
        const ch = CONTROL.exec(t)![0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        problem(col, 'import-control-character', `the cell holds an invisible control character (U+${ch})`, 'retype the value');
        return undefined;
      }
      t = field === 'notes' ? t.trim() : t.replace(/\s+/g, ' ').trim();
      if (t === '' || BLANK.test(t)) return undefined;
      const limit = field === 'notes' ? CELL_LIMITS.notes : CELL_LIMITS.text;
      if ([...t].length > limit) {
        problem(col, 'import-too-long', `the value is ${[...t].length} characters long; at most ${limit} are taken for ${field}`);
        return undefined;
      }
      if (/^[=@]/.test(t) || (/^[+-]/.test(t) && field !== 'phone')) {
        problem(col, 'import-formula', `the value \`${t.slice(0, 40)}\` starts like a formula (${t[0]}); it is not imported`,
          'if it is meant as text, remove the leading character');
        return undefined;
      }
      return t;
    };

    // Fields whose value is a --default: on an existing member they fill only what it lacks.
    const fromDefault = new Set<MemberField>();
    /** The one value of a field: its column's cell, else the default. */
    const value = (field: MemberField): { text?: string; col?: number; cell?: Cell } => {
      for (const col of columnsOf(field)) {
        const t = text(field, col);
        if (t !== undefined) {
          out.columnOf[field] = col;
          return { text: t, col, cell: r.cells[col] };
        }
        if (columnsOf(field).length === 1) out.columnOf[field] = col;
      }
      const d = ctx.defaults[field];
      if (d === undefined) return {};
      fromDefault.add(field);
      return { text: d };
    };

    const record: Record<string, unknown> = {};

    // The name: Latin and native parts, from one cell ("Коноваленко С.А. / Konovalenko S.A.") or two columns.
    const nameCols = [...columnsOf('name'), ...columnsOf('name_native')];
    const latin: string[] = [];
    const native: string[] = [];
    let nameCol: number | undefined;
    // The column each part was in (one cell may hold both), so that a problem of one is said at its own.
    let latinCol: number | undefined;
    let nativeCol: number | undefined;
    for (const col of nameCols) {
      const t = text(col === columnsOf('name_native')[0] ? 'name_native' : 'name', col);
      if (t === undefined) continue;
      nameCol ??= col;
      const parts = t.split('/').map((p) => p.trim()).filter((p) => p !== '');
      const paren = parts.length === 1 ? /^(.+?)\s*\(([^()]+)\)$/.exec(t) : null;
      const pieces = paren && hasNonLatinLetters(paren[1]!) !== hasNonLatinLetters(paren[2]!) ? [paren[1]!, paren[2]!] : parts;
      for (const p of pieces) {
        if (hasNonLatinLetters(p)) {
          native.push(p);
          nativeCol ??= col;
        } else {
          latin.push(p);
          latinCol ??= col;
        }
      }
    }
    if (latin.length > 1 || native.length > 1) {
      problem(nameCol, 'import-name', `more than one name in ${latin.length > 1 ? 'Latin' : 'native'} script: ${(latin.length > 1 ? latin : native).map((n) => `\`${n}\``).join(', ')}`,
        'give one name, or the Latin and the native one separated by /');
    }
    const nameNative = native[0];
    // The country is read before the name is written in Latin letters: a member from China's name typed in Cyrillic
    // is read from Palladius (Ли Вэй → Li Wei). Its problem, if any, is said after the name's, below.
    const country = value('country');
    const code = country.text !== undefined ? countries.read(country.text) : undefined;
    const name = latin[0] ?? (nameNative !== undefined ? memberNameToLatin(nameNative, code) : undefined);
    // Said once the id is read, in this place among the row's problems: with --update, a row whose id is a member's updates them and needs no name.
    const noNameAt = name === undefined && (nameCols.length === 0 || out.problems.length === 0) ? out.problems.length : undefined;
    if (name !== undefined) {
      record.name = name;
      out.name = name;
      if (nameNative !== undefined) record.name_native = nameNative;
      out.columnOf.name = columnsOf('name')[0] ?? nameCol;
      if (nameNative !== undefined) out.columnOf.name_native = columnsOf('name_native')[0] ?? nameCol;
    }

    if (country.text !== undefined) {
      if (code === undefined) {
        const near = countries.near(country.text, nearestOf);
        problem(country.col, 'import-country', `\`${country.text}\` is not a country this knows (a name in English or Russian, or a code like FI)`,
          near.length > 0 ? `did you mean ${near.join(' or ')}?` : undefined);
      } else record.country = code;
    }

    const category = value('category');
    if (category.text !== undefined) {
      const c = CATEGORY.get(foldName(category.text));
      if (c === undefined) {
        problem(category.col, 'import-category', `\`${category.text}\` is not a category: customs, embassy or participant (таможня, посольство, участник)`,
          didYouMean(category.text, Object.keys(CATEGORIES)));
      } else record.category = c;
    }

    for (const field of ['organization', 'title'] as const) {
      const v = value(field);
      if (v.text !== undefined) record[field] = v.text;
    }

    const division = value('division');
    if (division.text !== undefined) {
      const f = foldName(division.text);
      const d = ctx.divisions.find((x) => foldName(x.id) === f || foldName(x.city) === f || foldName(CITY_RU[division.text!.toLocaleLowerCase('ru')] ?? '') === foldName(x.city));
      if (d === undefined) {
        problem(division.col, 'import-division', `\`${division.text}\` is not a division of the club`,
          didYouMean(division.text, ctx.divisions.flatMap((x) => [x.id, x.city])) ?? `the divisions: ${ctx.divisions.map((x) => x.id).join(', ')}`);
      } else record.division = d.id;
    } else if (ctx.divisions.length === 1) {
      record.division = ctx.divisions[0]!.id;
      fromDefault.add('division');
    }

    for (const field of ['joined', 'left'] as const) {
      const v = value(field);
      if (v.text === undefined) continue;
      let iso: string | undefined;
      if (v.cell?.kind === 'date') iso = v.cell.date;
      else if (v.cell?.kind === 'number') iso = v.cell.value >= 1900 && v.cell.value <= 2100 && Number.isInteger(v.cell.value) ? String(v.cell.value) : excelSerialToIso(v.cell.value);
      else iso = readDateText(v.text);
      if (iso === undefined) {
        problem(v.col, 'import-date', `\`${v.text}\` is not a date`, 'write it as 16.06.2019 or 2019-06-16 (or 06.2019, 2019 when that is all that is known)');
      } else record[field] = iso;
    }

    const email = value('email');
    if (email.text !== undefined) record.email = email.text.replace(/^mailto:/i, '');
    const phone = value('phone');
    if (phone.text !== undefined) record.phone = phone.text;

    const langs = value('languages');
    if (langs.text !== undefined) {
      const codes: string[] = [];
      for (const part of langs.text.split(/[,;/]+|\s+(?:and|и)\s+/).map((p) => p.trim()).filter((p) => p !== '')) {
        const code = languages().get(part.length === 2 ? part.toLowerCase() : foldName(part));
        if (code === undefined) {
          problem(langs.col, 'import-language', `\`${part}\` is not a language this knows (a name in English or Russian, or an ISO 639-1 code like ru)`);
        } else if (!codes.includes(code)) codes.push(code);
      }
      record.languages = codes;
    }

    const notes = value('notes');
    if (notes.text !== undefined) record.notes = notes.text;

    /** The fields a new member needs (a member the folder has has them already). */
    const required = () => {
      for (const field of ['country', 'category', 'division', 'joined'] as const) {
        if (record[field] !== undefined || out.problems.some((p) => p.path !== '' && p.path === header(columnsOf(field)[0] ?? -1))) continue;
        if (columnsOf(field).length === 0) {
          problem(undefined, 'import-missing', `no ${field}, which a new member needs: the sheet has no column for it`,
            `add one, map one with --map "Column=${field}", or give every new row the same value with --default ${field}=VALUE`);
        } else problem(columnsOf(field)[0], 'import-missing', `no ${field}: the cell is empty`, `fill it in, or pass --default ${field}=VALUE for rows that leave it empty`);
      }
    };

    // The id: as add-member makes it, from the Latin name; or the sheet's own. A row whose id is a member's needs no name: with
    // --update it updates them, without it is said to be already a member, as a named row is.
    const idCell = value('id');
    const member = idCell.text === undefined ? undefined : existingById.get(idCell.text);
    if (noNameAt !== undefined && member === undefined) {
      const near = idCell.text === undefined ? undefined : didYouMean(idCell.text, existingById.keys());
      problem(nameCols[0], 'import-missing', 'no name', idCell.text !== undefined
        ? `\`${idCell.text}\` is no member's id, so the row is a new member, who needs a name${near ? ` (${near})` : ''}`
        : undefined);
      out.problems.splice(noNameAt, 0, out.problems.pop()!);
    }
    let id = idCell.text;
    if (id === undefined && name !== undefined) id = personId(name);
    if (id === undefined || id === '') {
      required();
      if (name !== undefined) problem(nameCol, 'import-id', `cannot make an id from the name \`${name}\``, 'add an id column');
      out.record = undefined;
      return out;
    }

    /**
     * With --update, the names a row that gives a member's id writes: a Latin name it writes, and a native name in their
     * native name's script (王立 for Wang Li / 王力), or any when it gives both and they have none. A name in another script
     * (Ван Фан for Wang Fang / 王芳, Ли На alone for Li Na) is only read, to see that it is theirs: never written. No name is
     * written that is another member's, so that two members carry one. False when the row is refused.
     */
    function idNames(m: ExistingMember): boolean {
      const country = record.country === undefined ? m.country : String(record.country);
      // A Latin name read from the native one is not written: Мюллер К. alone does not make Müller K. "Myuller K.".
      if (latin[0] === undefined) delete record.name;
      if (nameNative !== undefined) {
        const own = m.name_native === undefined ? latin[0] !== undefined : scriptOf(m.name_native) === scriptOf(nameNative);
        if (!own) {
          delete record.name_native;
          const reading = memberNameToLatin(nameNative, country);
          if (![m.name, latin[0]].some((n) => n !== undefined && readsAsName(n, reading))) {
            problem(nativeCol, 'import-id-name', `${nameNative} reads as ${reading}, not as the name of ${m.id} (${namesOf(m)}), whose id the row gives`,
              `check the id; if it is right, write their name as the record has it or leave the name empty (a name in another script than theirs is not written, only read to see that it is theirs: ${[m.name, m.name_native].filter((n) => n !== undefined).join(' or ')})`);
            return false;
          }
          (out.notes ??= []).push(`${nameNative}, the name of ${m.id} (${namesOf(m)}) in another script, only says who the row is: `
            + `their ${latin[0] === undefined ? 'names are' : 'native name is'} kept`);
        }
      }
      // Once written, the member is told apart from every other by their names as written: a Latin name another has is
      // theirs too only when the native names differ and this one reads as it (Wang Li / 王立 beside Wang Li / 王力).
      const newLatin = latin[0] !== undefined && !(m.name !== undefined && sameName(m.name, latin[0])) ? latin[0] : undefined;
      const written = record.name_native as string | undefined;
      const newNative = written !== undefined && !(m.name_native !== undefined && sameName(m.name_native, written)) ? written : undefined;
      const after = written ?? m.name_native;
      // Any country's: a Name column shifted a row against its Id column (dupont-j, Schmidt H.) gives each member another's name.
      const clashes = ctx.existing.filter((o) => o.id !== m.id).flatMap((o): [string, ExistingMember][] => {
        if (newNative !== undefined && o.name_native !== undefined && sameName(o.name_native, newNative)) return [[newNative, o]];
        if (newLatin === undefined || o.name === undefined || !sameName(o.name, newLatin)) return [];
        const toldApart = after !== undefined && o.name_native !== undefined && !sameName(after, o.name_native)
          && scriptOf(after) === scriptOf(o.name_native) && sameName(memberNameToLatin(after, country), newLatin);
        return toldApart ? [] : [[newLatin, o]];
      });
      for (const [n, o] of clashes) {
        problem(n === newNative ? nativeCol : latinCol, 'import-name-taken', `${n} is the name of ${o.id} (${namesOf(o)}), not of ${m.id} (${namesOf(m)}), whose id the row gives: two members would carry one name`,
          `check the id; if the row is ${o.id}, give their id`);
      }
      return clashes.length === 0;
    }

    // The same person as a member the folder has: the id the row gives; else the same name and country, as the names are
    // written. A native name in the member's script that is not theirs is another person: 王立 is "Wang Li" in Latin letters
    // as 王力 is. A name that meets the member's only once read into Latin (Ван Фан for Wang Fang / 王芳, Ли На alone for
    // Li Na) is likely them, but nothing written says so: refused, naming them, rather than a second person or a guess.
    const sameName = (a: string, b: string) => foldName(a) === foldName(b);
    const byId_ = (a: ExistingMember, b: ExistingMember) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const found = [...new Set([name, nameNative].flatMap((n) => (n && record.country ? existingByName.get(`${foldName(n)}\u0000${String(record.country)}`) ?? [] : [])))]
      .sort(byId_);
    const byNative = nameNative === undefined ? [] : found.filter((m) => m.name_native !== undefined && sameName(m.name_native, nameNative));
    // The Latin name as the row writes it (not one read from its native name) is theirs.
    const byLatin = latin[0] === undefined ? [] : found.filter((m) => m.name !== undefined && sameName(m.name, latin[0]!));
    const others = found.filter((m) => nameNative !== undefined && m.name_native !== undefined && !sameName(m.name_native, nameNative)
      && scriptOf(m.name_native) === scriptOf(nameNative));
    // The row's Latin name as it is written is the member's, and its native name, if any, is not another than theirs.
    const asWritten = (m: ExistingMember) => byLatin.includes(m) && (nameNative === undefined || m.name_native === undefined);
    const candidates = byNative.length > 0 ? byNative : found.filter((m) => !others.includes(m) && asWritten(m));
    const likely = byNative.length > 0 ? [] : found.filter((m) => !others.includes(m) && !asWritten(m));
    const byName = candidates.length === 1 && likely.length === 0 ? candidates[0] : undefined;
    const byId = existingById.get(id);
    const rowNames = namesOf({ name, name_native: nameNative });
    const described = (ms: readonly ExistingMember[], or = ' or ') => ms.map((m) => `${m.id} (${namesOf(m)})`).join(or);
    // Refused as not this member, or as one of several: not asked for what a new member needs, either.
    let unsure = false;
    if (member !== undefined) {
      out.duplicateOf = member.id;
      out.name ??= member.name;
      if (ctx.update) unsure = !idNames(member);
    } else if (idCell.text !== undefined) {
      // An id no member has is another person, whoever's their name is: a new member of that id (said when the name is a member's).
      const named = [...new Set([...found, ...(record.country === undefined
        ? ctx.existing.filter((m) => [latin[0], nameNative].some((n) => n !== undefined && [m.name, m.name_native].some((x) => x !== undefined && sameName(x, n))))
        : [])])].sort(byId_);
      const written = named.filter((m) => [latin[0], nameNative].some((n) => n !== undefined && [m.name, m.name_native].some((x) => x !== undefined && sameName(x, n))));
      // A name a member has, written as theirs, with an id that is not the one club gives a namesake of theirs (zhang-wei-2):
      // more likely their id mistyped (petrova-a for petrova-a-s) than another person, who would be a second record of them.
      const namesake = written.some((m) => idCell.text!.startsWith(`${m.id}-`) && /^\d+$/.test(idCell.text!.slice(m.id.length + 1)));
      if (written.length > 0 && !namesake) {
        unsure = true;
        const one = written.length === 1;
        const own = nextFreeId(written[0]!.id, (c) => ctx.taken(c) || sheetIds.has(c));
        problem(idCell.col, 'import-id-unknown', `\`${idCell.text}\` is no member's id, but ${rowNames} is the name of ${described(written)}`,
          `if the row is ${one ? 'them' : 'one of them'}, give ${one ? `their id, \`${written[0]!.id}\`` : 'their id'}; if another person of that name, `
          + `give them the id club gives a namesake (\`${own}\`)`);
      } else if (named.length > 0) {
        (out.notes ??= []).push(`${idCell.text} is a new member, whose name ${rowNames} ${written.length === named.length ? 'is also' : 'reads as'} the name of ${described(named)}: `
          + 'the Id column says it is another person');
      }
    } else if (byNative.length > 0 && byLatin.length > 0 && !byLatin.some((m) => byNative.includes(m))) {
      // Ivanov I.I. / Иванов И.П.: the Latin name of one member and the native name of another, so neither is taken.
      unsure = true;
      problem(nameCol, 'import-ambiguous-name', `${latin[0]} / ${nameNative} names two members: ${latin[0]} is ${described(byLatin)}, ${nameNative} is ${described(byNative)}`,
        'write the name of the one it is as their record has it, or give their id in an Id column');
    } else if (byName !== undefined) out.duplicateOf = byName.id;
    else if (likely.length > 0) {
      unsure = true;
      const meant = [...candidates, ...likely].sort(byId_);
      const one = meant.length === 1;
      const written = [latin[0], nameNative].filter((n) => n !== undefined).join(' / ');
      const own = nextFreeId(id, (c) => ctx.taken(c) || sheetIds.has(c));
      problem(nameCol, 'import-likely-copy', `${written} (${String(record.country)}) reads as the name of ${described(meant)}, `
        + `but is not written as ${one ? 'theirs' : 'any of theirs'}: likely ${one ? 'the same person' : 'one of them'}, so the row is not imported`,
        `if it is ${one ? meant[0]!.id : 'one of them'}, write the name as ${one ? `the record has it (${[meant[0]!.name, meant[0]!.name_native].filter((n) => n !== undefined).join(' or ')})` : 'their record has it'}`
        + ` or give ${one ? `\`${meant[0]!.id}\`` : 'their id'} in an Id column (a name in another script than theirs then only says who the row is: their names are kept);`
        + ` if another person, give them an id of their own in an Id column (\`${own}\`)`);
    } else if (candidates.length > 1) {
      unsure = true;
      problem(nameCol, 'import-ambiguous-name', `${rowNames} (${String(record.country)}) is the name of ${candidates.length} members: ${described(candidates, ', ')}`,
        'give the native name of the one it is, or their id in an id column');
    } else if (others.length > 0 && ctx.update) {
      unsure = true;
      problem(nameCol, 'import-other-person', `${rowNames} is not ${described(others)}: the native name differs, so it is another person`,
        `if the row is ${others.length === 1 ? 'that member' : 'one of them'}, give ${others.length === 1 ? 'their' : 'its'} id in an id column; if another person, import the row without --update`);
    } else if (others.length === 0 && byId !== undefined && byId.country === record.country) out.duplicateOf = byId.id;
    else if (ctx.taken(id) || sheetIds.has(id)) {
      // Another person with a name that makes the same id: the next free one, as add-member suggests.
      id = nextFreeId(id, (c) => ctx.taken(c) || sheetIds.has(c));
    }
    if (out.duplicateOf !== undefined) {
      id = out.duplicateOf;
      // Data the member has is not replaced by a --default, nor its names by those it was found by (a row of 王芳 alone does not replace the Latin name with its transliteration);
      // a row that gives its id sets the names it gives, as idNames allows.
      const has = existingById.get(id)?.fields ?? new Set<string>();
      const fillOnly: string[] = [...fromDefault, ...(member === undefined ? ['name', 'name_native'] : [])];
      for (const f of fillOnly) if (has.has(f)) delete record[f];
    } else if (!unsure) required();

    if (member !== undefined && ctx.update && !unsure) {
      // Two rows giving two members one new name (a Name column shifted against its Id column, one name copied down).
      for (const [n, col] of [[record.name, latinCol], [record.name_native, nativeCol]] as const) {
        if (typeof n !== 'string' || [member.name, member.name_native].some((x) => x !== undefined && sameName(x, n))) continue;
        const earlier = sheetNewNames.get(foldName(n));
        if (earlier === undefined) sheetNewNames.set(foldName(n), { row: r.row, id: member.id });
        else if (earlier.id !== member.id) {
          problem(col ?? nameCol, 'import-name-taken', `${n} is given to ${earlier.id} by row ${earlier.row} too, and to ${member.id} here: two members would carry one name`,
            'check the ids and the names of the two rows');
        }
      }
    }
    const person = name !== undefined && record.country !== undefined ? `${foldName(name)}\u0000${String(record.country)}` : undefined;
    if (out.duplicateOf !== undefined) {
      // A second row for a member the folder has is that member first: the command says so, or compares the rows (--update).
      const earlier = sheetMembers.get(out.duplicateOf);
      if (earlier === undefined) sheetMembers.set(out.duplicateOf, r.row);
      else out.sameMemberAs = earlier;
    } else if (person !== undefined && sheetPeople.has(person)) {
      problem(nameCol, 'import-duplicate-row', `the same person (${name}, ${String(record.country)}) as row ${sheetPeople.get(person)}`, 'keep one of the two rows');
    } else if (person !== undefined) sheetPeople.set(person, r.row);
    if (out.duplicateOf === undefined && idCell.text !== undefined && sheetIds.has(id)) {
      problem(idCell.col, 'import-duplicate-row', `the id \`${id}\` is given to an earlier row too`);
    }
    sheetIds.add(id);

    if (unsure) out.unsure = true;
    out.id = id;
    out.record = Object.fromEntries(MEMBER_FIELDS.filter((f) => f !== 'id' && record[f] !== undefined).map((f) => [f, record[f]]));
    return out;
  });
}

/**
 * Places the folder's check of the imported records back on the spreadsheet: a
 * problem in `data/members/x.yaml` at `country` becomes row N, column "Country".
 */
export function problemsOnSheet(diagnostics: readonly Diagnostic[], rowOfFile: ReadonlyMap<string, ImportRow>, sheet: Sheet, file: string): Diagnostic[] {
  return diagnostics.flatMap((d) => {
    const row = rowOfFile.get(d.file);
    if (row === undefined) return [];
    const field = /^[a-z_]+/.exec(d.path)?.[0] as MemberField | undefined;
    const col = field === undefined ? undefined : row.columnOf[field];
    const header = col === undefined ? '' : sheet.headers[col] || `column ${col + 1}`;
    const via = col === undefined && field !== undefined ? ` (${field})` : '';
    return [{ ...d, file, line: row.row, column: col === undefined ? 0 : col + 1, path: header, message: `${d.message}${via}` }];
  });
}

/** The fields a sheet must fill, by a column or a default, before any of its rows can be a member. */
export function requiredWithoutColumn(targets: readonly (ColumnTarget | undefined)[], ctx: Pick<ImportContext, 'defaults' | 'divisions'>): MemberField[] {
  return (['name', 'country', 'category', 'division', 'joined'] as const).filter((f) => {
    if (targets.includes(f) || ctx.defaults[f] !== undefined) return false;
    if (f === 'name' && targets.includes('name_native')) return false;
    return !(f === 'division' && ctx.divisions.length === 1);
  });
}
