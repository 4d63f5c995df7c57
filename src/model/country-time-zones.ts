import { queryForms, searchFold } from './search-text.js';

/**
 * A country's time zones, from the IANA data the JavaScript engine carries (Intl.Locale's time zones of a
 * region), and the one zone a club in it meets by when there is only one to choose.
 */

/**
 * Countries whose IANA list has more than one zone though the country keeps one time (or one for its capital
 * and clubs): China's one legal time is Asia/Shanghai (Asia/Urumqi is Xinjiang's informal time).
 */
const ONE_TIME: Readonly<Record<string, string>> = { CN: 'Asia/Shanghai' };

/** Every IANA zone of a country (ISO 3166-1 alpha-2), as the engine knows them; [] when it knows none. */
export function countryTimeZones(country: string): string[] {
  try {
    const locale = new Intl.Locale(`und-${country.toUpperCase()}`) as Intl.Locale & { getTimeZones?(): string[]; timeZones?: string[] };
    return [...(locale.getTimeZones?.() ?? locale.timeZones ?? [])];
  } catch {
    return [];
  }
}

/** The zone's UTC offset in mid-January and mid-July (so summer time counts), e.g. "GMT+01:00 GMT+02:00". */
function offsets(zone: string): string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  const at = (d: Date) => format.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${at(new Date(Date.UTC(2026, 0, 15, 12)))} ${at(new Date(Date.UTC(2026, 6, 15, 12)))}`;
}

/**
 * The one time zone of a country, or undefined when it has several that keep different times (RU, US, BR…:
 * a club there must say which) or none is known. Zones that keep the same time all year count as one
 * (Europe/Berlin and Europe/Busingen): the first is taken.
 */
export function countryTimeZone(country: string): string | undefined {
  const code = country.toUpperCase();
  if (ONE_TIME[code] !== undefined) return ONE_TIME[code];
  const zones = countryTimeZones(code);
  if (zones.length === 0) return undefined;
  const first = offsets(zones[0]!);
  return zones.every((z) => offsets(z) === first) ? zones[0] : undefined;
}

/**
 * The zone most of a country's people live by (its capital's, or its largest city's), for the countries whose zones
 * keep different times: the first a club there is offered. Older and newer IANA names both (Europe/Kiev, Europe/Kyiv),
 * the first one the engine knows is taken.
 */
const MAIN_ZONE: Readonly<Record<string, readonly string[]>> = {
  RU: ['Europe/Moscow'], US: ['America/New_York'], CA: ['America/Toronto'], BR: ['America/Sao_Paulo'], AU: ['Australia/Sydney'],
  MX: ['America/Mexico_City'], ID: ['Asia/Jakarta'], KZ: ['Asia/Almaty'], CL: ['America/Santiago'], ES: ['Europe/Madrid'],
  PT: ['Europe/Lisbon'], EC: ['America/Guayaquil'], MN: ['Asia/Ulaanbaatar'], CD: ['Africa/Kinshasa'], NZ: ['Pacific/Auckland'],
  KI: ['Pacific/Tarawa'], FM: ['Pacific/Pohnpei', 'Pacific/Ponape'], PF: ['Pacific/Tahiti'], PG: ['Pacific/Port_Moresby'],
  UA: ['Europe/Kyiv', 'Europe/Kiev'], GL: ['America/Nuuk', 'America/Godthab'],
};

/** A zone's name for its time in a language, e.g. "Moscow Standard Time", «Москва, стандартное время». */
function zoneTimeName(zone: string, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'long' }).formatToParts(new Date(Date.UTC(2026, 0, 15, 12)))
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/** The city a zone is named after: `America/Argentina/Buenos_Aires` → `Buenos Aires`. */
const zoneCity = (zone: string): string => zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');

/** Does a (folded) name start with one of the forms of a typed city, as a whole word? */
const startsWithWord = (name: string, forms: readonly string[]): boolean =>
  forms.some((f) => f !== '' && name.startsWith(f) && !/\p{L}/u.test(name.charAt(f.length)));

/** The names a zone is found by in a search: its time's name in English and in Russian («Москва, стандартное время»). */
export function zoneKeywords(zone: string): string[] {
  return [zoneTimeName(zone, 'en'), zoneTimeName(zone, 'ru')].filter((x) => x !== '');
}

/**
 * A country's zones (`zones`, e.g. countryTimeZones) in the order to offer them for a club in `city`: first the zone
 * named after the city (Novosibirsk, typed `Новосибирск` too → Asia/Novosibirsk); else the zone whose time is named
 * after it (`Москва`: «Москва, стандартное время» → Europe/Moscow, the zone that time is named after, before
 * Europe/Kirov and Europe/Volgograd); then the country's main zone (its one time, or its capital's: Saint Petersburg →
 * Europe/Moscow); then the rest, in the order given.
 */
export function zonesForCity(country: string, city: string | undefined, zones: readonly string[]): string[] {
  const code = country.toUpperCase();
  const main = ONE_TIME[code] ?? MAIN_ZONE[code]?.find((z) => zones.includes(z)) ?? countryTimeZone(code);
  const forms = city === undefined || city.trim() === '' ? [] : queryForms(city.trim());
  const rank = (zone: string): number => {
    if (forms.length > 0) {
      if (forms.includes(searchFold(zoneCity(zone)))) return 0;
      const timeNames = zoneKeywords(zone).map(searchFold);
      if (timeNames.some((n) => startsWithWord(n, forms))) {
        // Of the zones that keep the city's time, the one the time is named after first (Moscow Standard Time: Europe/Moscow).
        return timeNames.some((n) => startsWithWord(n, [searchFold(zoneCity(zone))])) ? 1 : zone === main ? 2 : 3;
      }
    }
    return zone === main ? 4 : 5;
  };
  return zones.map((zone, i) => ({ zone, i, r: rank(zone) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.zone);
}
