import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, NARROW } from '../../src/query/display-width.js';

describe('displayWidth: string-width\'s answer, with a short cut for narrow letters (ASCII, Latin, Greek, Cyrillic)', () => {
  it('gives what string-width gives, for any text (ASCII, wide, combining, emoji, control characters)', () => {
    const pieces = fc.constantFrom('a', 'Z', ' ', '~', '#', '*', '0', '\t', '\n', '\x1b[1m', '\x7f', 'Ж', 'é', 'ß', 'Ω', '\u00ad', '\u00a9', '\u0483', '中', '\u0301', '\u200b', '😀', '👍🏽', '#\ufe0f\u20e3', '\u00a0');
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.array(pieces).map((p) => p.join(''))), (text) => {
      expect(displayWidth(text)).toBe(stringWidth(text));
    }), { numRuns: 500 });
  });

  it('takes the short cut only where string-width counts one column a character: each NARROW character alone, and all of them in one text', () => {
    const narrow = Array.from({ length: 0x3000 }, (_, i) => String.fromCodePoint(i)).filter((c) => NARROW.test(c));
    expect(narrow.length).toBe(1141);
    for (const c of narrow) expect(stringWidth(c), `U+${c.codePointAt(0)!.toString(16)}`).toBe(1);
    // Each its own grapheme beside any other (none combines): the text's width is its length.
    const all = narrow.join('');
    expect(stringWidth(all)).toBe(all.length);
    expect(displayWidth(all)).toBe(all.length);
    // Those left out: the soft hyphen (no width), © and ® (emoji: two), the combining marks (none; or joined to the letter before).
    for (const c of ['\u00ad', '\u00a9', '\u00ae', '\u0301', '\u0483', '\u0489', '\x7f', '\t']) expect(NARROW.test(c), `U+${c.codePointAt(0)!.toString(16)}`).toBe(false);
    expect(displayWidth('Ж\u0483')).toBe(stringWidth('Ж\u0483'));
    expect(displayWidth('Коноваленко С.А.')).toBe(16);
  });

  it('counts every printable ASCII character as one column', () => {
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    expect(displayWidth(ascii)).toBe(95);
    expect(stringWidth(ascii)).toBe(95);
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
  });
});
