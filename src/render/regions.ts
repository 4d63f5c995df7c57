/**
 * The Russian names of the regions of Russia a club of customs attachés meets in off-site: the federal subjects on
 * the land borders with Finland, Estonia, Latvia, Belarus and China, and those around the two divisions' cities,
 * keyed by the English name the schema's example writes (`Pskov Oblast`). The regions are few and fixed, and a
 * secretary who writes `region: Pskov Oblast` should not have to type «Псковская область» for every meeting; a
 * region not here is printed as written, unless the venue gives its `region_ru`.
 */
const REGIONS_RU: ReadonlyMap<string, string> = new Map([
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
]);

/** A region of Russia in Russian when the table has it (`Pskov Oblast` → «Псковская область»), else undefined. */
export const regionInRussian = (english: string): string | undefined => REGIONS_RU.get(english.trim());
