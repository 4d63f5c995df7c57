import type { Language } from '../model/types.js';

/** The forms of a word after a number: English needs `one` and `other`; Russian `one` (1, 21), `few` (2–4, 22) and `many` (5–20, 25). */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

const rules = new Map<Language, Intl.PluralRules>();

/** The form of a word CLDR's plural rules choose for a number, without the number: `член`, `члена`, `членов`; a verb that agrees, `присутствовал(и)`. */
export function pluralWord(lang: Language, n: number, forms: PluralForms): string {
  let r = rules.get(lang);
  if (r === undefined) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  const category = r.select(n) as keyof PluralForms;
  return forms[category] ?? forms.other;
}

/** `3 члена`, `5 членов`, `1 member`: the number, a non-breaking space in Russian, and the form CLDR's plural rules choose. */
export function plural(lang: Language, n: number, forms: PluralForms): string {
  return `${n}${lang === 'ru' ? '\u00a0' : ' '}${pluralWord(lang, n, forms)}`;
}
