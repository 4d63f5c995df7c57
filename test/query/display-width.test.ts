import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/query/display-width.js';

describe('displayWidth: string-width\'s answer, with a short cut for printable ASCII', () => {
  it('gives what string-width gives, for any text (ASCII, wide, combining, emoji, control characters)', () => {
    const pieces = fc.constantFrom('a', 'Z', ' ', '~', '#', '*', '0', '\t', '\n', '\x1b[1m', '\x7f', 'Ж', '中', '\u0301', '\u200b', '😀', '👍🏽', '#\ufe0f\u20e3', '\u00a0');
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.array(pieces).map((p) => p.join(''))), (text) => {
      expect(displayWidth(text)).toBe(stringWidth(text));
    }), { numRuns: 500 });
  });

  it('counts every printable ASCII character as one column', () => {
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    expect(displayWidth(ascii)).toBe(95);
    expect(stringWidth(ascii)).toBe(95);
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
  });
});
