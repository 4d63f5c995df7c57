import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/store/sha256.js';

const nodeSha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('sha256Hex: the lock\'s claim names, the same as node:crypto\'s SHA-256', () => {
  it('FIPS 180-4 examples and every length around the 64-byte block and its 55/56-byte padding edge', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    for (let n = 0; n <= 200; n++) {
      const text = 'x'.repeat(n);
      expect(sha256Hex(text), `length ${n}`).toBe(nodeSha256(text));
    }
  });

  it('any text (UTF-8: Cyrillic, CJK, astral characters), as lock contents are written: `<pid> <start time>`, garbled or empty', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.tuple(fc.nat(), fc.nat()).map(([pid, start]) => `${pid} ${start}`)), (text) => {
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }), { numRuns: 500 });
  });
});
