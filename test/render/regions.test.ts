import { describe, expect, it } from 'vitest';
import { regionInRussian } from '../../src/render/regions.js';

describe('regionInRussian', () => {
  it('finds a region as the schema writes it, and as a secretary may type it: any case, any spacing', () => {
    expect(regionInRussian('Pskov Oblast')).toBe('Псковская область');
    expect(regionInRussian('Pskov oblast')).toBe('Псковская область');
    expect(regionInRussian('  PSKOV   Oblast ')).toBe('Псковская область');
    expect(regionInRussian('republic of\tkarelia')).toBe('Республика Карелия');
    expect(regionInRussian('Kaliningrad Oblast')).toBe('Калининградская область');
  });
  it('leaves a region it does not hold, or another word, undefined', () => {
    expect(regionInRussian('Ida-Viru County')).toBeUndefined();
    expect(regionInRussian('PskovOblast')).toBeUndefined();
    expect(regionInRussian('')).toBeUndefined();
  });
});
