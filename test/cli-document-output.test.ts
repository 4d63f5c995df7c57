import { describe, expect, it } from 'vitest';
import { deliverDocument, documentFormat } from '../src/cli/document-output.js';
import type { Io } from '../src/cli/io.js';
import { UsageError } from '../src/errors/errors.js';
import { paragraph, type Doc } from '../src/render/doc-tree.js';

const DOC: Doc = { title: 'T', header: 'Club', language: 'en', blocks: [paragraph('x')] };

function io(isTTY: boolean) {
  const out: (string | Uint8Array)[] = [];
  const err: string[] = [];
  const value: Io = {
    stdout: { isTTY, write: (t) => out.push(t) },
    stderr: { write: (t) => err.push(String(t)) },
    env: {}, cwd: '/', now: () => new Date(0),
  };
  return { value, out, err };
}

describe('which format a document is written in', () => {
  it('the extension of -o or --check decides when --format is left out; Markdown otherwise', () => {
    expect(documentFormat({})).toBe('md');
    expect(documentFormat({ output: 'a.docx' })).toBe('docx');
    expect(documentFormat({ output: 'A.DOCX' })).toBe('docx');
    expect(documentFormat({ check: 'a.docx' })).toBe('docx');
    expect(documentFormat({ output: 'a.md' })).toBe('md');
    expect(documentFormat({ output: 'a.txt' })).toBe('md');
    expect(documentFormat({ format: 'docx', output: 'agenda' })).toBe('docx');
  });
  it('a --format that the file name contradicts is a usage error', () => {
    expect(() => documentFormat({ format: 'md', output: 'a.docx' })).toThrow(UsageError);
    expect(() => documentFormat({ format: 'docx', check: 'a.md' })).toThrow(/names a Markdown file, but --format docx was asked/);
  });
});

describe('a Word file on stdout', () => {
  it('is refused on a terminal, with a hint, and nothing is written', async () => {
    const t = io(true);
    await expect(deliverDocument(DOC, { format: 'docx' }, t.value, '2019-01-01')).rejects.toThrow(/not shown on a terminal/);
    expect(t.out).toEqual([]);
  });
  it('goes to a pipe as bytes', async () => {
    const t = io(false);
    expect(await deliverDocument(DOC, { format: 'docx' }, t.value, '2019-01-01')).toBe(0);
    expect(t.out).toHaveLength(1);
    expect(Buffer.from(t.out[0] as Uint8Array).subarray(0, 2).toString()).toBe('PK');
  });
  it('Markdown is still shown on a terminal', async () => {
    const t = io(true);
    expect(await deliverDocument(DOC, {}, t.value, '2019-01-01')).toBe(0);
    expect(t.out).toEqual(['# T\n\nx\n']);
  });
});
