import { lazyCollator } from '../model/collation.js';
import { countryName } from '../model/countries.js';
import type { ClubInfo, IsoDate, Language, Member, PartialDate } from '../model/types.js';
import { en, type Catalogue } from './catalogue/en.js';
import { ru } from './catalogue/ru.js';
import { longDate, longDateWithDay, monthName, type DateCase } from './dates.js';

export const LANGUAGES: readonly Language[] = ['en', 'ru'];
export const CATALOGUES: Record<Language, Catalogue> = { en, ru };

const NBSP = '\u00a0';
const CYRILLIC_ONLY = /^[\p{Script=Cyrillic}\P{L}]*$/u;

/** What a document needs to speak one language: its fixed words, dates, country names, order, and the club's names in it. */
export interface Locale {
  lang: Language;
  t: Catalogue;
  date(date: PartialDate, grammaticalCase?: DateCase): string;
  dateWithDay(date: IsoDate): string;
  month(month: number): string;
  country(code: string): string;
  /** Names in the order of the language (Russian: by the Russian alphabet). */
  compare(a: string, b: string): number;
  /** The club's own name, and those of its divisions, positions, outlets and sister clubs, in the language when club.yaml gives it. */
  clubName(): string;
  aegis(): string | undefined;
  division(id: string): string;
  position(id: string): string;
  outlet(id: string): string;
  /**
   * A person as the document names them: the native name when it is written in the
   * document's script (Cyrillic for Russian), else the Latin one; in Russian the
   * surname and the initials are held together by a non-breaking space.
   */
  person(member: Pick<Member, 'name' | 'name_native'>): string;
}

/** Per language: Intl.Collator's compare, the collator made only for two texts not both printable ASCII (model/collation.ts). */
const collators = new Map<Language, { compare(a: string, b: string): number }>();

export function localeFor(lang: Language, info: ClubInfo | undefined): Locale {
  const t = CATALOGUES[lang];
  let collator = collators.get(lang);
  if (collator === undefined) {
    collator = lazyCollator(lang);
    collators.set(lang, collator);
  }
  const compare = collator.compare;
  const ruOr = (english: string, russian: string | undefined) => (lang === 'ru' && russian ? russian : english);
  return {
    lang,
    t,
    date: (date, grammaticalCase) => longDate(date, lang, grammaticalCase),
    dateWithDay: (date) => longDateWithDay(date, lang),
    month: (month) => monthName(month, lang),
    country: (code) => countryName(code, lang),
    compare,
    clubName: () => (info ? ruOr(info.name, info.name_ru) : t.common.club),
    aegis: () => (info?.aegis ? ruOr(info.aegis, info.aegis_ru) : undefined),
    division: (id) => {
      const d = info?.divisions.find((x) => x.id === id);
      return d ? ruOr(d.city, d.city_ru) : id;
    },
    position: (id) => {
      const p = info?.positions.find((x) => x.id === id);
      return p ? ruOr(p.title, p.title_ru) : id;
    },
    outlet: (id) => {
      const o = info?.outlets?.find((x) => x.id === id);
      return o ? ruOr(o.name, o.name_ru) : id;
    },
    person: (m) => {
      if (lang === 'en') return m.name;
      const name = m.name_native !== undefined && CYRILLIC_ONLY.test(m.name_native) ? m.name_native : m.name;
      return name.replace(/^(\S+) ((?:\p{Lu}\.)+)$/u, `$1${NBSP}$2`);
    },
  };
}

/** Items ordered by the name of their country in the document's language. */
export function byCountryName<T>(l: Locale, items: readonly T[], code: (item: T) => string): T[] {
  return [...items].sort((a, b) => l.compare(l.country(code(a)), l.country(code(b))));
}

/** Items ordered by a name, in the document's language. */
export const byName = <T>(l: Locale, items: readonly T[], name: (item: T) => string): T[] =>
  [...items].sort((a, b) => l.compare(name(a), name(b)));
