import { describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { editYamlText } from '../../src/authoring/edit-yaml.js';

const setTitle = (doc: Document) => { doc.set('title', 'Inspector'); };

describe('an edit gives the text back in the file\'s own form', () => {
  it('CR LF stays CR LF, a missing last newline stays missing, a byte-order mark stays', () => {
    expect(editYamlText('name: A\r\n# note\r\njoined: 2019\r\n', setTitle)).toBe('name: A\r\n# note\r\njoined: 2019\r\ntitle: Inspector\r\n');
    expect(editYamlText('name: A\r\njoined: 2019', setTitle)).toBe('name: A\r\njoined: 2019\r\ntitle: Inspector');
    expect(editYamlText('\ufeffname: A\n', setTitle)).toBe('\ufeffname: A\ntitle: Inspector\n');
  });

  it('a folded text over CR LF lines keeps its CR LF, not CR CR LF', () => {
    expect(editYamlText('notes: >-\r\n  one\r\n  two\r\nname: A\r\n', setTitle)).toBe('notes: >-\r\n  one\r\n  two\r\nname: A\r\ntitle: Inspector\r\n');
  });

  it('a file of mixed line ends comes out with LF, as yaml writes it; an edit that changes nothing gives the text itself', () => {
    expect(editYamlText('name: A\r\njoined: 2019\n', setTitle)).toBe('name: A\njoined: 2019\ntitle: Inspector\n');
    const text = 'name: A\r\njoined: 2019';
    expect(editYamlText(text, () => undefined)).toBe(text);
  });
});
