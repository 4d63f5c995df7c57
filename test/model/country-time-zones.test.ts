import { describe, expect, it } from 'vitest';
import { countryTimeZone, countryTimeZones } from '../../src/model/country-time-zones.js';

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
});
