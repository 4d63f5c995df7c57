import { countryName, countrySearchNames } from '../model/countries.js';
import { searchFold } from '../model/search-text.js';
import type { ClubInfo, Collection } from '../model/types.js';
import { nearestOf } from '../diagnostics/suggest.js';
import type { FieldInfo } from './fields.js';

/** A value a coded field can hold, and the names it may be asked for by. */
export interface KnownValue {
  code: string;
  names: string[];
}

/** Fields that hold the id of another record, by the last part of their path, and the collection of that record. */
export const REFERENCE_FIELDS: Readonly<Record<string, Collection>> = {
  member: 'members', chair: 'members', attendees: 'members', apologies: 'members', presenter: 'members', responsible: 'members',
  meetings: 'meetings', meeting: 'meetings',
};

/** The ids of a collection's records, with the names they may be asked for by (a member's Latin and native name). */
export type RecordIds = (collection: Collection) => KnownValue[];

/** The collection a field refers to, when it holds record ids. */
export function referenceOf(field: FieldInfo): Collection | undefined {
  const last = field.path.split('.').pop() ?? '';
  return Object.hasOwn(REFERENCE_FIELDS, last) && (field.type === 'text' || field.type === 'list') ? REFERENCE_FIELDS[last] : undefined;
}

const defined = (xs: (string | undefined)[]): string[] => xs.filter((x): x is string => x !== undefined && x !== '');

/**
 * The codes of a coded field and their names: countries (English and Russian
 * names), divisions (their cities), outlets, positions, and the values a
 * schema lists (category, kind, status). Undefined for free text.
 */
export function knownValues(field: FieldInfo, info: ClubInfo | undefined, ids?: RecordIds): KnownValue[] | undefined {
  const last = field.path.split('.').pop();
  const refers = referenceOf(field);
  if (refers !== undefined && ids !== undefined) return ids(refers);
  if (field.type === 'country') return (field.values ?? []).map((code) => ({ code, names: countrySearchNames(code) }));
  if (field.type === 'text' && info) {
    if (last === 'division') return info.divisions.map((d) => ({ code: d.id, names: defined([d.city, d.city_ru]) }));
    if (last === 'outlet') return (info.outlets ?? []).map((o) => ({ code: o.id, names: defined([o.name, o.name_ru]) }));
    if (last === 'position') return info.positions.map((p) => ({ code: p.id, names: defined([p.title, p.title_ru]) }));
  }
  if (field.values) return field.values.map((code) => ({ code, names: [] }));
  return undefined;
}

/** The codes a value means: a code itself or any of its names, case, accents and ё/е aside. */
export function resolveKnown(value: string, known: readonly KnownValue[]): string[] {
  const v = searchFold(value);
  return known.filter((k) => searchFold(k.code) === v || k.names.some((n) => searchFold(n) === v)).map((k) => k.code);
}

/** `did you mean `RU` (Russia)?` over codes and names, or undefined. */
export function suggestKnown(value: string, known: readonly KnownValue[], country: boolean): string | undefined {
  const byForm = new Map<string, KnownValue>();
  for (const k of known) for (const form of [k.code, ...k.names]) byForm.set(searchFold(form), k);
  const near = [...new Set(nearestOf(searchFold(value), byForm.keys()).map((f) => byForm.get(f)!))];
  if (near.length === 0) return undefined;
  const show = (k: KnownValue) => `\`${k.code}\`${country ? ` (${countryName(k.code)})` : k.names[0] ? ` (${k.names[0]})` : ''}`;
  return `did you mean ${near.map(show).join(' or ')}?`;
}
