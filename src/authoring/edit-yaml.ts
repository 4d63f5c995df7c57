import { parseDocument, type Document } from 'yaml';
import { layoutOf } from './keep-layout.js';
import { inForm, plainText, textFormOf } from './text-form.js';
import { quoteTimes } from './yaml-times.js';

/**
 * A record's text after an edit of its parsed document: comments, key order and the layout of the fields the edit
 * did not change stay (keep-layout.ts), and so does the file's form (text-form.ts): a file saved with CR LF line ends
 * is written back with them, so git shows the one line `set` changed, not every line. The text itself when the edit
 * changed nothing.
 */
export function editYamlText(before: string, apply: (doc: Document) => void): string {
  const form = textFormOf(before);
  const text = plainText(before, form);
  const doc = parseDocument(text);
  const layout = layoutOf(text, doc);
  apply(doc);
  quoteTimes(doc, true); // a time the edit wrote reads as one in YAML 1.1 too
  const after = layout.keep(doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  return after === text ? before : inForm(after, form);
}
