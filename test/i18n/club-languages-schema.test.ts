import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { CLUB_YAML } from '../helpers/club-tree.js';

// club.yaml names its default document language and the Russian forms of its own names.
const RUSSIAN = CLUB_YAML
  .replace('name: Test Club\n', 'name: Test Club\nname_ru: Тестовый клуб\nlanguage: ru\n')
  .replace('    city: Moscow\n', '    city: Moscow\n    city_ru: Москва\n')
  .replace('    title: Chairman\n', '    title: Chairman\n    title_ru: Председатель\n')
  .replace('    name: Customs\n', '    name: Customs\n    name_ru: Таможня\n');

describe('club.yaml: language and names in Russian', () => {
  it('accepts language: ru and the *_ru names', async () => {
    expectClean(await check({ 'club.yaml': RUSSIAN }));
  });
  it('old files without them stay valid', async () => {
    expectClean(await check({ 'club.yaml': CLUB_YAML }));
  });
  it('refuses a language documents cannot be written in', async () => {
    const text = RUSSIAN.replace('language: ru', 'language: de');
    const d = expectOne(await check({ 'club.yaml': text }), 'invalid-value', 'club.yaml', at(text, 'de', 'language:'));
    expect(d.message).toContain('language');
  });
  it('refuses a localized name for a language that has none (city_de)', async () => {
    const text = RUSSIAN.replace('    city_ru: Москва\n', '    city_de: Moskau\n');
    const d = expectOne(await check({ 'club.yaml': text }), 'unknown-field', 'club.yaml', at(text, 'city_de'));
    expect(d.hint).toContain('`city_ru`');
  });
  it('refuses an empty Russian title', async () => {
    const text = RUSSIAN.replace('title_ru: Председатель', "title_ru: ''");
    expect((await check({ 'club.yaml': text })).filter((x) => x.file === 'club.yaml' && x.severity === 'error').map((x) => [x.line, x.column]))
      .toEqual([[at(text, "''").line, at(text, "''").column]]);
  });
});
