import { describe, expect, it } from 'vitest';
import { countryTimeZone, countryTimeZones, zonesForCity } from '../../src/model/country-time-zones.js';

describe('a country\'s time zone', () => {
  it('one zone, or several keeping one time: that zone (CN is Asia/Shanghai, not the machine\'s UTC)', () => {
    expect(countryTimeZone('CN')).toBe('Asia/Shanghai');
    expect(countryTimeZone('cn')).toBe('Asia/Shanghai');
    expect(countryTimeZone('FI')).toBe('Europe/Helsinki');
    expect(countryTimeZone('FR')).toBe('Europe/Paris');
    expect(countryTimeZone('DE')).toBe('Europe/Berlin'); // Europe/Busingen keeps the same time
  });
  it('several zones keeping different times: none is guessed', () => {
    for (const c of ['RU', 'US', 'BR', 'ID']) {
      expect(countryTimeZone(c), c).toBeUndefined();
      expect(countryTimeZones(c).length, c).toBeGreaterThan(1);
    }
    expect(countryTimeZones('RU')).toContain('Europe/Moscow');
  });
  it('a code the engine knows no zone of: undefined, no throw', () => {
    expect(countryTimeZone('XK')).toBeUndefined();
    expect(countryTimeZone('!!')).toBeUndefined();
  });
  it('the zones offered at init: the city\'s first, in any script; else the country\'s main zone; the rest as they were', () => {
    const ru = countryTimeZones('RU');
    for (const city of ['Москва', 'Moscow', 'москва', 'Санкт-Петербург', 'Saint Petersburg', undefined, '']) {
      expect(zonesForCity('RU', city, ru)[0], String(city)).toBe('Europe/Moscow');
    }
    expect(zonesForCity('RU', 'Новосибирск', ru)[0]).toBe('Asia/Novosibirsk');
    expect(zonesForCity('RU', 'Omsk', ru)[0]).toBe('Asia/Omsk'); // not Asia/Tomsk, whose name contains it
    expect(zonesForCity('RU', 'Екатеринбург', ru)[0]).toBe('Asia/Yekaterinburg');
    expect(zonesForCity('RU', 'Владивосток', ru)[0]).toBe('Asia/Vladivostok');
    expect(zonesForCity('CN', 'Beijing', countryTimeZones('CN'))).toEqual(['Asia/Shanghai', 'Asia/Urumqi']);
    expect(zonesForCity('US', 'Washington', countryTimeZones('US'))[0]).toBe('America/New_York');
    expect(zonesForCity('US', 'Los Angeles', countryTimeZones('US'))[0]).toBe('America/Los_Angeles');
    // Every zone is still offered, once.
    expect([...zonesForCity('RU', 'Москва', ru)].sort()).toEqual([...ru].sort());
  });
});
