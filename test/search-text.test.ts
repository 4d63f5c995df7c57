import { describe, expect, it } from 'vitest';
import { countryName, guessCountry } from '../src/model/countries.js';
import { queryForms, searchFold, textMatches } from '../src/model/search-text.js';

describe('search across scripts', () => {
  it('folds case, accents and ё, but keeps й apart from и', () => {
    expect(searchFold('Novák P.')).toBe('novak p.');
    expect(searchFold('Семёнов')).toBe(searchFold('семенов'));
    expect(searchFold('ЁЛКИН')).toBe('елкин');
    expect(searchFold('Андрей')).not.toBe(searchFold('Андреи'));
    expect(searchFold('Андрей')).toBe('андрей');
    expect(searchFold('Dvořák')).toBe('dvorak');
  });
  it('looks for a query typed in another script also by its transliteration', () => {
    // Cyrillic that reads as Palladius is looked for as that Pinyin too (и-ван, yi wang): a form to search by, never a name kept.
    expect(queryForms('иван')).toEqual(['иван', 'ivan', 'yiwang']);
    expect(queryForms('Иванов И.И.')).toEqual(['иванов и.и.', 'ivanov i.i.']);
    expect(queryForms('Ivan')).toEqual(['ivan']);
    expect(textMatches('иван', ['Ivanov I.I.'])).toBe(true);
    expect(textMatches('иван', ['Petrova A.S.', 'Петрова А.С.'])).toBe(false);
    expect(textMatches('ПЕТР', ['Petrova A.S.', 'Петрова А.С.'])).toBe(true);
    expect(textMatches('王', ['Wang Li', '王力'])).toBe(true);
  });
  it('reads a Chinese name typed in Cyrillic as Russian writes it (Palladius), not only letter by letter', () => {
    expect(queryForms('Чжан Вэй')).toEqual(['чжан вэй', 'chzhan vey', 'zhang wei']);
    expect(queryForms('Чжан Сяо-пин')).toContain('zhang xiaoping');
    expect(queryForms('Сяопин')).toContain('xiaoping');
    expect(textMatches('Чжан', ['Zhang Wei', '张伟'])).toBe(true);
    expect(textMatches('Вэй', ['Zhang Wei', '张伟'])).toBe(true);
    expect(textMatches('Лю Ян', ['Liu Yang', '刘洋'])).toBe(true);
    expect(textMatches('Чжан', ['Zhao Min', '赵敏'])).toBe(false);
  });
  it('names countries in English and Russian from CLDR (full ICU)', () => {
    expect(countryName('RU')).toBe('Russia');
    expect(countryName('RU', 'ru')).toBe('Россия');
    expect(countryName('CZ', 'ru')).toBe('Чехия');
    expect(countryName('CN', 'ru')).toBe('Китай');
    expect(countryName('China', 'ru')).toBe('China'); // not a code: as written
  });
  it('guesses a country from a Russian name too', () => {
    expect(guessCountry('Россия', ['RU', 'FI'])).toBe('RU');
    expect(guessCountry('финляндия', ['RU', 'FI'])).toBe('FI');
    expect(guessCountry('Финл', ['RU', 'FI'])).toBe('FI');
    expect(guessCountry('Atlantis', ['RU', 'FI'])).toBeUndefined();
  });
});
