import { transliterate } from 'transliteration';
import { slugify } from './slug.js';

/** True when the text has letters outside Latin script (Cyrillic, Chinese…). */
export function hasNonLatinLetters(text: string): boolean {
  return [...text].some((ch) => /\p{L}/u.test(ch) && !/\p{Script=Latin}/u.test(ch));
}

/** Latin script for a name typed in another: `Коноваленко С.А.` → `Konovalenko S.A.`, `王力` → `Wang Li`. */
export function toLatin(text: string): string {
  return transliterate(text).replace(/\s+/g, ' ').trim();
}

/** A person's id from their name, in any script: `Konovalenko S.A.` → `konovalenko-s-a`. */
export function personId(name: string): string {
  return slugify(toLatin(name));
}

/** A meeting's id: its date and city, `2019-09-10-pskov`. */
export function meetingId(date: string, city: string): string {
  return `${date}-${slugify(toLatin(city))}`;
}

/** A publication's id: its outlet and date, `customs-2019-04`. */
export function publicationId(outlet: string, date: string): string {
  return `${outlet}-${date}`;
}

/** The first of `id`, `id-2`, `id-3`… that is not taken: what to suggest when `id` is. */
export function nextFreeId(id: string, taken: (candidate: string) => boolean): string {
  if (!taken(id)) return id;
  for (let n = 2; ; n++) if (!taken(`${id}-${n}`)) return `${id}-${n}`;
}
