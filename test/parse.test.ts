import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/parse/limits.js';
import { flatNodesExceeded, parseRecord } from '../src/parse/yaml-record.js';

const codes = (text: string) => parseRecord('f.yaml', text).diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }));

describe('parseRecord', () => {
  it('reads a YAML date as the string it is, never as a timestamp', () => {
    const { value, diagnostics } = parseRecord('f.yaml', 'joined: 2019-06-01\nstart: 10:00\ncountry: NO\nflag: yes\n');
    expect(diagnostics).toEqual([]);
    expect(value?.joined).toBe('2019-06-01');
    expect(typeof value?.joined).toBe('string');
    expect(value?.start).toBe('10:00'); // not the YAML 1.1 sexagesimal 600
    expect(value?.country).toBe('NO'); // Norway, not false
    expect(value?.flag).toBe('yes');
  });
  it('stays on YAML 1.2 even when the file asks for 1.1', () => {
    const { value } = parseRecord('f.yaml', '%YAML 1.1\n---\njoined: 2019-06-01\n');
    expect(value?.joined).toBe('2019-06-01');
  });
  it('reports a bare year as a number, for the schema to accept where a year may stand', () => {
    expect(parseRecord('f.yaml', 'since: 2008\n').value?.since).toBe(2008);
  });
  it('reports bad indentation at the over-indented field, not at the value above it', () => {
    expect(codes('name: X\ncountry: RU\n  category: customs\n')).toEqual([{ code: 'yaml-syntax', line: 3, column: 3 }]);
  });
  it('reports a duplicate key at the second one', () => {
    expect(codes('name: X\ncountry: RU\nname: Y\n')).toEqual([{ code: 'duplicate-key', line: 3, column: 1 }]);
  });
  it('reports an alias as a complex key with no value (`? *a`, found by the loader property test) instead of crashing', () => {
    const parsed = parseRecord('members/x.yaml', '? *a');
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
    expect(parsed.diagnostics.every((d) => d.file === 'members/x.yaml' && d.severity === 'error')).toBe(true);
  });
  it('reports an unclosed bracket', () => {
    const d = codes('name: X\nlanguages: [en, ru\ncountry: RU\n');
    expect(d[0]?.code).toBe('yaml-syntax');
    expect(d[0]?.line).toBeGreaterThanOrEqual(2);
  });
  describe('syntax errors where the reader must fix them, in club\'s words', () => {
    const full = (text: string) => parseRecord('members/x.yaml', text).diagnostics
      .map((d) => ({ code: d.code, file: d.file, line: d.line, column: d.column, message: d.message, hint: d.hint }));
    const lines = (n: number, at: number, line: string) => Array.from({ length: n }, (_, i) => (i + 1 === at ? line : `field${i + 1}: value`)).join('\n') + '\n';
    it('reads the same lines closed without a problem', () => {
      expect(full(lines(16, 8, 'title: "Head of division"'))).toEqual([]);
      expect(full("name: X\ntitle: 'Head of division'\n")).toEqual([]);
      expect(full('name: X\ncountry: [RU, BY]\nvenue: {name: Hall}\n')).toEqual([]);
      expect(full('name: X\n# a comment\ndivision: x\n')).toEqual([]);
    });
    it('an unclosed double quote: at the quote, not past the end of the file', () => {
      expect(full(lines(16, 8, 'title: "Head of division'))).toEqual([{
        code: 'yaml-syntax', file: 'members/x.yaml', line: 8, column: 8,
        message: 'a quoted value is not closed: the quote " at 8:8 has no closing "',
        hint: 'close it with " at the end of the value, or remove the opening quote',
      }]);
      expect(full('title: "Head of\ncountry: RU\nx: 1\n').map((d) => [d.code, d.line, d.column])).toEqual([['yaml-syntax', 1, 8]]);
    });
    it('an unclosed single quote: at the quote, past a closed one and a doubled quote', () => {
      expect(full("a: 'x'\nname: 'O''Brien\nc: 1\n").map((d) => [d.code, d.file, d.line, d.column, d.message])).toEqual([
        ['yaml-syntax', 'members/x.yaml', 2, 7, "a quoted value is not closed: the quote ' at 2:7 has no closing '"],
      ]);
    });
    it('an unclosed bracket: at the bracket that opens the list or mapping', () => {
      expect(full('name: X\na: b\nc: d\ne: f\ncountry: [RU\nnext: 1\n').map((d) => [d.code, d.file, d.line, d.column, d.message])).toEqual([
        ['yaml-syntax', 'members/x.yaml', 5, 10, 'a list in brackets is not closed: the [ at 5:10 has no closing ]'],
      ]);
      expect(full('x: {a: [1, 2]}\ncountry: {a: RU\nnext: 1\n').map((d) => [d.code, d.line, d.column, d.message])).toEqual([
        ['yaml-syntax', 2, 10, 'a mapping in brackets is not closed: the { at 2:10 has no closing }'],
      ]);
    });
    it('old Mac line ends (a carriage return alone): at the first one, in club\'s words, one error for the file', () => {
      expect(full('name: A B.\rcountry: RU\rjoined: 2019\r')).toEqual([{
        code: 'yaml-syntax', file: 'members/x.yaml', line: 1, column: 11,
        message: 'the YAML cannot be read: a line ends in a carriage return alone (an old Mac line end), which YAML here does not take as the end of a line',
        hint: 'save the file with LF (or CR LF) line ends',
      }]);
      // CR LF (Windows) is a line end, and a carriage return inside a quoted text is no error at all.
      expect(full('name: A B.\r\ncountry: RU\r\n')).toEqual([]);
      expect(full('name: "A\rB."\ncountry: RU\n')).toEqual([]);
    });
    it('a wrongly indented field: at its own line, not at the comment above it', () => {
      const text = 'name: X\na: b\n# comment\n\n   division: x\nnext: 1\n';
      expect(full(text)).toEqual([{
        code: 'yaml-syntax', file: 'members/x.yaml', line: 5, column: 4,
        message: '`division:` is indented more than the line above it (column 4, where `a:` is at column 1), so YAML cannot read the file',
        hint: 'start `division:` at column 1: the fields of a record start at column 1',
      }]);
    });
    it('a field indented under a plain value: at the field, in club\'s words (yaml said "Nested mappings" at the value above)', () => {
      expect(full('name: A B.\ncountry: RU\ncategory: customs\n  division: moscow\njoined: 2019\n')).toEqual([{
        code: 'yaml-syntax', file: 'members/x.yaml', line: 4, column: 3,
        message: '`division:` is indented more than the line above it (column 3, where `category:` is at column 1), so YAML cannot read the file',
        hint: 'start `division:` at column 1: the fields of a record start at column 1',
      }]);
      expect(full('name: A B.\n country: RU\n').map((d) => [d.code, d.file, d.line, d.column, d.hint])).toEqual([
        ['yaml-syntax', 'members/x.yaml', 2, 2, 'start `country:` at column 1: the fields of a record start at column 1'],
      ]);
      // after a quoted value yaml says "All mapping items must start at the same column": the same words
      expect(full('name: "A B."\n   category: customs\ncountry: RU\n').map((d) => [d.code, d.file, d.line, d.column, d.message])).toEqual([
        ['yaml-syntax', 'members/x.yaml', 2, 4, '`category:` is indented more than the line above it (column 4, where `name:` is at column 1), so YAML cannot read the file'],
      ]);
      // a value over several lines, then the field: still at the field
      expect(full('name: A\n  more words\n\n  division: x\n').map((d) => [d.code, d.line, d.column])).toEqual([['yaml-syntax', 4, 3]]);
    });
    it('a field of a nested mapping indented wrongly: the column of its neighbour', () => {
      expect(full('- a: b\n   c: d\n').map((d) => [d.code, d.line, d.column, d.hint])).toEqual([
        ['yaml-syntax', 2, 4, 'start `c:` at column 3, like `a:`: the fields of one mapping start at the same column'],
      ]);
      expect(full('venue:\n    name: x\n  city: y\n').map((d) => [d.code, d.line, d.column, d.hint])).toEqual([
        ['yaml-syntax', 3, 3, 'start `city:` at column 5, like `name:`, or at the column of the field it belongs to: the fields of one mapping start at the same column'],
      ]);
    });
    it('the same fields indented alike read without a problem; `a: b: c` keeps yaml\'s words', () => {
      expect(full('name: A B.\ncountry: RU\ncategory: customs\ndivision: moscow\n')).toEqual([]);
      expect(full('venue:\n  name: x\n  city: y\n')).toEqual([]);
      expect(full('a: b: c\n').map((d) => [d.code, d.line, d.column])).toEqual([['yaml-syntax', 1, 4]]);
    });
  });
  it('reports a tab used for indentation at its line', () => {
    expect(codes('venue:\n\tname: X\n')).toContainEqual({ code: 'tab-indent', line: 2, column: 1 });
  });
  it('refuses more than one document', () => {
    expect(codes('a: 1\n---\nb: 2\n')).toEqual([{ code: 'multiple-documents', line: 2, column: 1 }]);
  });
  it('refuses a top level that is not a mapping, and an empty file', () => {
    expect(codes('- a\n- b\n')).toEqual([{ code: 'not-a-mapping', line: 1, column: 1 }]);
    expect(codes('just text\n')).toEqual([{ code: 'not-a-mapping', line: 1, column: 1 }]);
    expect(codes('')).toEqual([{ code: 'empty-file', line: 1, column: 1 }]);
    expect(codes('# a comment\n')).toEqual([{ code: 'empty-file', line: 1, column: 1 }]);
  });
  it('refuses an alias that contains itself', () => {
    expect(codes('a: &x [*x]\n')).toEqual([{ code: 'alias-cycle', line: 1, column: 8 }]);
  });
  it('stops an alias bomb by counting expanded nodes', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = Date.now();
    const result = parseRecord('f.yaml', `${lines.join('\n')}\n`);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['too-many-nodes']);
    expect(Date.now() - started).toBeLessThan(5000); // the bomb would be 10^10 nodes
  });
  it('refuses 100,000 keys at the value the precise parser\'s count stops at (line, column and words as it gave them), without parsing them', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `k${i}: v`).join('\n');
    const result = parseRecord('f.yaml', text);
    expect(result.value).toBeUndefined();
    expect(result.diagnostics).toEqual([{
      code: 'too-many-nodes', severity: 'error', file: 'f.yaml', line: 100_000, column: 9, path: '',
      message: 'the file expands to more than 100,000 values (aliases included); a record is far smaller',
    }]);
    expect(result.locate(['k0'])).toEqual({ line: 100_000, column: 9 }); // the quick refusal: no parse to point into
    // One key fewer is within the limit: the quick look leaves it to the parser (which then reads it in full).
    expect(flatNodesExceeded(text.slice(0, text.lastIndexOf('\n')), LIMITS.nodes)).toBeUndefined();
  });
  it('refuses nesting deeper than the limit', () => {
    const deep = `a: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    expect(codes(deep).map((d) => d.code)).toEqual(['too-deep']);
  });
  it('finds nesting just past the limit however it is written (the depth check skips files too short to nest that deep)', () => {
    const flow = (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    expect(codes(flow(63))).toEqual([]);
    expect(codes(flow(64))).toEqual([{ code: 'too-deep', line: 1, column: 67 }]); // 65 levels with the mapping: the parser's own check
    expect(codes(flow(65))).toEqual([{ code: 'too-deep', line: 1, column: 68 }]); // the 65th bracket: the check before parsing
    // Brackets on lines of their own: no line is long, so the block levels are not walked, but the brackets are counted.
    const tall = (n: number) => `a:\n${'  [\n'.repeat(n)}${'  ]\n'.repeat(n)}`;
    expect(codes(tall(64)).map((d) => d.code)).toEqual(['too-deep']);
    expect(codes(tall(65))).toEqual([{ code: 'too-deep', line: 66, column: 3 }]);
    const block = (n: number) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} x\n`;
    expect(codes(block(64))).toEqual([]);
    expect(codes(block(65))).toEqual([{ code: 'too-deep', line: 65, column: 65 }]);
    expect(codes(`a:\n${'- '.repeat(63)}x\n`)).toEqual([]);
    expect(codes(`a:\n${'- '.repeat(64)}x\n`)).toEqual([{ code: 'too-deep', line: 2, column: 129 }]);
    // A record of short lines and few brackets is not refused.
    expect(codes('name: A\nlanguages: [en, ru]\nnotes: "[[["\n')).toEqual([]);
  });
  it('keeps __proto__ and constructor as plain keys that touch no prototype', () => {
    const { value } = parseRecord('f.yaml', '__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n');
    expect(Object.keys(value!)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBeNull();
  });
  it('refuses merge keys, by policy', () => {
    expect(codes('a: &x {b: 1}\nc:\n  <<: *x\n')).toEqual([{ code: 'merge-key', line: 3, column: 3 }]);
  });
  it('refuses values a tag turns into objects', () => {
    expect(codes('a: !!binary aGVsbG8=\n').map((d) => d.code)).toEqual(['unsupported-value']);
  });
  it('accepts a byte-order mark and CRLF line endings, with positions unchanged', () => {
    const { value, diagnostics, locate } = parseRecord('f.yaml', '\uFEFFname: X\r\ncountry: RU\r\n');
    expect(diagnostics).toEqual([]);
    expect(value?.country).toBe('RU');
    expect(locate(['country'])).toEqual({ line: 2, column: 10 });
  });
  it('locates keys, values, list items, and falls back to the nearest node', () => {
    const { locate } = parseRecord('f.yaml', 'a:\n  b: [x, y]\n  c: 1\n');
    expect(locate(['a', 'b', 1])).toEqual({ line: 2, column: 10 });
    expect(locate(['a', 'c'], 'key')).toEqual({ line: 3, column: 3 });
    expect(locate(['a', 'missing'])).toEqual({ line: 2, column: 3 });
  });
});
