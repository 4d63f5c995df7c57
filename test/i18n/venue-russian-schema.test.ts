import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { MEETING } from '../helpers/club-tree.js';

// A meeting's venue may give its name, address, city and region in Russian, for documents in Russian.
const FILE = 'meetings/2019-06-20-moscow.yaml';
const RUSSIAN = MEETING.replace(
  '  name: FCS headquarters\n  city: Moscow\n',
  '  name: FCS headquarters\n  name_ru: Центральный аппарат ФТС России\n  address: 11/5 Novozavodskaya Street\n  address_ru: ул. Новозаводская, д. 11/5\n'
  + '  city: Moscow\n  city_ru: Москва\n  region: Moscow Oblast\n  region_ru: Московская область\n',
);

describe('meeting venue: names in Russian', () => {
  it('accepts name_ru, address_ru, city_ru and region_ru', async () => {
    expect(RUSSIAN).toContain('region_ru:');
    expectClean(await check({ [FILE]: RUSSIAN }));
  });
  it('a venue without them stays valid', async () => {
    expectClean(await check({ [FILE]: MEETING }));
  });
  it('refuses a Russian form of a field the venue has no Russian for (country_ru), pointing at it', async () => {
    const text = RUSSIAN.replace('  region_ru: Московская область\n', '  region_ru: Московская область\n  country_ru: Россия\n');
    const d = expectOne(await check({ [FILE]: text }), 'unknown-field', FILE, at(text, 'country_ru'));
    expect(d.message).toContain('country_ru');
  });
  it('refuses a localized name for a language documents are not written in (name_de), suggesting name_ru', async () => {
    const text = RUSSIAN.replace('  name_ru: Центральный аппарат ФТС России\n', '  name_de: FZD-Zentrale\n');
    const d = expectOne(await check({ [FILE]: text }), 'unknown-field', FILE, at(text, 'name_de'));
    expect(d.hint).toContain('`name_ru`');
  });
  it('refuses an empty Russian name, at its value', async () => {
    const text = RUSSIAN.replace('name_ru: Центральный аппарат ФТС России', "name_ru: '  '");
    const d = expectOne(await check({ [FILE]: text }), 'empty-value', FILE, at(text, "'  '"));
    expect(d.message).toContain('name_ru');
  });
});
