import { describe, expect, it } from 'vitest';
import { flatNodesExceeded, parsePrecisely } from '../../src/parse/yaml-record.js';

// A limit of 5 nodes, so the precise parser's own count can be held against the quick look on small texts.
const LIMIT = 5;

/** 1-based line and column of an offset, as the diagnostics give them. */
function at(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('flatNodesExceeded: the precise parser\'s node count, read off a flat mapping without parsing it', () => {
  const refused = [
    'a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n', // the mapping + 5 values: the 5th value is the 6th node
    'a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7',
    '# a comment\na: x y z\n\n   \nb: 2 # why\nc: 3\n  # indented comment\nd:    4\ne: the value\nf: 6\n',
    'a: 1\r\nb: 2\r\nc: 3\r\nd: 4\r\ne: five\r\n',
    'k_1: v\nk-2: v\nK3: v\n_k4: v\nk5: ~\nk6: v', // `~` is a (null) value, one node like any other
  ];
  for (const text of refused) {
    it(`refuses where the parser's count does: ${JSON.stringify(text.slice(0, 30))}`, () => {
      const offset = flatNodesExceeded(text, LIMIT);
      expect(offset).toBeDefined();
      const precise = parsePrecisely('f.yaml', text, LIMIT).diagnostics;
      expect(precise.map((d) => d.code)).toEqual(['too-many-nodes']);
      expect(at(text, offset!)).toEqual({ line: precise[0]!.line, column: precise[0]!.column });
    });
  }

  it('still refuses when something after the limit is broken (the parser would name that instead)', () => {
    const text = 'a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: [unclosed\n';
    expect(at(text, flatNodesExceeded(text, LIMIT)!)).toEqual({ line: 5, column: 4 });
    expect(parsePrecisely('f.yaml', text, LIMIT).diagnostics.map((d) => d.code)).toContain('yaml-syntax');
  });

  const leftToTheParser = [
    'a: 1\nb: 2\nc: 3\nd: 4\n', // within the limit
    'a: 1\nb: 2\na: 3\nd: 4\ne: 5\nf: 6\n', // a key met twice: its value is skipped, not counted
    'a: 1\nb: 2\nnull: 3\nNull: 4\ne: 5\nf: 6\n', // keys that are not their text
    'true: 1\nTrue: 2\nc: 3\nd: 4\ne: 5\nf: 6\n',
    'a: 1\nb:\n  c: 3\nd: 4\ne: 5\nf: 6\n', // nesting
    'a: 1\nb: 2\n  more\nd: 4\ne: 5\nf: 6\n', // a value on two lines
    'a: &x 1\nb: *x\nc: 3\nd: 4\ne: 5\nf: 6\n', // anchor and alias
    "a: 'q'\nb: \"q\"\nc: [1]\nd: {e: 1}\ne: |\n  x\nf: 6\n", // quotes, flow, block scalar
    '%YAML 1.2\n---\na: 1\nb: 2\nc: 3\nd: 4\ne: 5\n', // directives, document markers
    'a: 1\nb: x: y\nc: 3\nd: 4\ne: 5\nf: 6\n', // `: ` inside a value
    'a:\t1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n', // a tab
    '1: 1\n01: 2\nc: 3\nd: 4\ne: 5\nf: 6\n', // numbers as keys (1 and 01 are one key)
    '- a\n- b\n- c\n- d\n- e\n- f\n', // a list
  ];
  for (const text of leftToTheParser) {
    it(`leaves to the parser: ${JSON.stringify(text.slice(0, 30))}`, () => {
      expect(flatNodesExceeded(text, LIMIT)).toBeUndefined();
    });
  }
});
