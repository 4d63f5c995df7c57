import { foldName } from '../model/country-input.js';

/** The member fields a spreadsheet column can fill, in the schema's order. */
export const MEMBER_FIELDS = ['id', 'name', 'name_native', 'country', 'category', 'organization', 'title', 'division', 'joined', 'left',
  'email', 'phone', 'languages', 'notes'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

/** What a column is for: a field, or nothing (its values are not imported). */
export type ColumnTarget = MemberField | 'ignore';

/** The headers people give these columns, in English and Russian; compared folded (case, dots, spaces and dashes do not count). */
const HEADERS: Record<MemberField, string[]> = {
  id: ['id', 'identifier', 'идентификатор', 'код'],
  name: ['name', 'full name', 'member', 'person', 'name (latin)', 'name latin', 'latin name', 'фио', 'ф.и.о.', 'имя', 'фамилия и инициалы',
    'фамилия, инициалы', 'фио латиницей', 'фио (латиницей)', 'фамилия имя отчество', 'участник', 'член клуба'],
  name_native: ['native name', 'name (native)', 'name native', 'name in own script', 'original name', 'фио (на родном языке)',
    'фио на родном языке', 'имя на родном языке', 'фио (в оригинале)', 'фио кириллицей', 'фио (кириллицей)'],
  country: ['country', 'nation', 'state', 'country code', 'страна', 'государство', 'код страны'],
  category: ['category', 'type', 'membership', 'категория', 'тип', 'статус'],
  organization: ['organization', 'organisation', 'agency', 'service', 'employer', 'организация', 'ведомство', 'служба', 'место работы'],
  title: ['title', 'job title', 'position', 'post', 'job', 'должность'],
  division: ['division', 'branch', 'chapter', 'city', 'отделение', 'филиал', 'город'],
  joined: ['joined', 'date joined', 'joined on', 'member since', 'since', 'joining date', 'дата вступления', 'вступил', 'вступила',
    'вступил(а)', 'член клуба с', 'дата приема', 'дата приёма', 'с'],
  left: ['left', 'date left', 'left on', 'until', 'дата выхода', 'вышел', 'вышла', 'вышел(а)', 'выбыл', 'выбыл(а)', 'по'],
  email: ['e-mail', 'email', 'mail', 'e-mail address', 'email address', 'эл. почта', 'эл.почта', 'электронная почта', 'почта', 'e-mail адрес'],
  phone: ['phone', 'telephone', 'tel', 'tel.', 'mobile', 'phone number', 'телефон', 'тел.', 'тел', 'моб. телефон', 'мобильный телефон'],
  languages: ['languages', 'language', 'langs', 'языки', 'язык', 'рабочие языки'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'примечания', 'примечание', 'комментарий', 'комментарии', 'заметки'],
};

const BY_HEADER = new Map<string, MemberField>();
for (const field of MEMBER_FIELDS) for (const h of HEADERS[field]) BY_HEADER.set(foldName(h), field);
for (const field of MEMBER_FIELDS) BY_HEADER.set(foldName(field), field);

/** The field a header names, by English or Russian name or the field's own name, or undefined. */
export function fieldOfHeader(header: string): MemberField | undefined {
  return BY_HEADER.get(foldName(header));
}

/** Every header this knows, as written: for "did you mean". */
export function knownHeaders(): string[] {
  return MEMBER_FIELDS.flatMap((f) => [f, ...HEADERS[f]]);
}

export interface ColumnMapping {
  /** By column index: what it fills, or undefined when it could not be placed. */
  targets: (ColumnTarget | undefined)[];
  /** Column indexes nothing could place: ask at a terminal, else refuse. */
  unplaced: number[];
  /** `--map` entries that name no column of the sheet. */
  unknownMaps: string[];
}

/**
 * Places each column: by `--map "Header=field"` first, then by its header.
 * Two columns for one field are allowed only for the name, whose Latin and native
 * parts may come in separate columns.
 */
export function mapColumns(headers: readonly string[], maps: ReadonlyMap<string, ColumnTarget>): ColumnMapping {
  const byFolded = new Map([...maps].map(([h, t]) => [foldName(h), { header: h, target: t }]));
  const used = new Set<string>();
  const targets = headers.map((h): ColumnTarget | undefined => {
    const mapped = byFolded.get(foldName(h));
    if (mapped !== undefined) {
      used.add(foldName(h));
      return mapped.target;
    }
    if (h === '') return 'ignore'; // a column without a header and, see below, without values
    return fieldOfHeader(h);
  });
  const unplaced = targets.flatMap((t, i) => (t === undefined ? [i] : []));
  const unknownMaps = [...byFolded].filter(([k]) => !used.has(k)).map(([, v]) => v.header);
  return { targets, unplaced, unknownMaps };
}

/** Columns that fill the same field twice (other than the name's two scripts): which field, which headers. */
export function doubleMapped(headers: readonly string[], targets: readonly (ColumnTarget | undefined)[]): { field: MemberField; headers: string[] }[] {
  const by = new Map<MemberField, string[]>();
  targets.forEach((t, i) => {
    if (t === undefined || t === 'ignore') return;
    by.set(t, [...(by.get(t) ?? []), headers[i] || `column ${i + 1}`]);
  });
  const out: { field: MemberField; headers: string[] }[] = [];
  for (const [field, hs] of by) if (hs.length > 1 && field !== 'name' && field !== 'name_native') out.push({ field, headers: hs });
  return out;
}

/** Parses one `--map "Column=field"` (`field` may be `ignore`, or empty for ignore). */
export function parseMapFlag(value: string): { header: string; target: ColumnTarget } | { error: string } {
  const eq = value.lastIndexOf('=');
  if (eq <= 0) return { error: `--map takes "Column=field", not \`${value}\`` };
  const header = value.slice(0, eq).trim();
  const raw = value.slice(eq + 1).trim();
  const target = raw === '' || raw === '-' ? 'ignore' : raw;
  if (target !== 'ignore' && !(MEMBER_FIELDS as readonly string[]).includes(target)) {
    return { error: `--map "${header}=${raw}": \`${raw}\` is not a member field; the fields: ${MEMBER_FIELDS.join(', ')}, or ignore` };
  }
  return { header, target: target as ColumnTarget };
}
