/**
 * The Russian names of the regions of Russia a club of customs attachés meets in off-site, keyed by the English name
 * the schema's example writes (`Pskov Oblast`): the federal subjects on the land borders with Finland, Estonia, Latvia,
 * Belarus and China (Murmansk, Karelia, Leningrad, Pskov, Smolensk, Bryansk; Altai, Zabaykalsky, Amur, the Jewish
 * Autonomous Oblast, Khabarovsk, Primorsky), Kaliningrad Oblast between Lithuania and Poland, Moscow Oblast around
 * Moscow, and Novgorod Oblast beside Leningrad Oblast around Saint Petersburg: fifteen. The regions are few and fixed,
 * and a secretary who writes `region: Pskov Oblast` should not have to type «Псковская область» for every meeting; a
 * region not here is printed as written, unless the venue gives its `region_ru`.
 */
const REGIONS_RU: ReadonlyMap<string, string> = new Map(([
  ['Moscow Oblast', 'Московская область'],
  ['Leningrad Oblast', 'Ленинградская область'],
  ['Pskov Oblast', 'Псковская область'],
  ['Novgorod Oblast', 'Новгородская область'],
  ['Kaliningrad Oblast', 'Калининградская область'],
  ['Murmansk Oblast', 'Мурманская область'],
  ['Republic of Karelia', 'Республика Карелия'],
  ['Smolensk Oblast', 'Смоленская область'],
  ['Bryansk Oblast', 'Брянская область'],
  ['Altai Republic', 'Республика Алтай'],
  ['Zabaykalsky Krai', 'Забайкальский край'],
  ['Amur Oblast', 'Амурская область'],
  ['Jewish Autonomous Oblast', 'Еврейская автономная область'],
  ['Khabarovsk Krai', 'Хабаровский край'],
  ['Primorsky Krai', 'Приморский край'],
] as const).map(([english, russian]) => [regionKey(english), russian]));

/** A region as it is looked up: typed by hand, `Pskov oblast` or `Pskov  Oblast` is the same region. */
function regionKey(name: string): string {
  return name.trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** A region of Russia in Russian when the table has it (`Pskov Oblast`, `pskov  oblast` → «Псковская область»), else undefined. */
export function regionInRussian(english: string): string | undefined {
  return REGIONS_RU.get(regionKey(english));
}
