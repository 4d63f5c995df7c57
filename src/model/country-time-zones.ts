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
