import { XMLParser } from 'fast-xml-parser';

/** An element as fast-xml-parser reads it: attributes by their plain names, children by tag. */
export interface XmlNode { [k: string]: unknown }

/** An independent reader of SVG (and Word's XML): attributes kept, the elements charts repeat always as arrays. */
export const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['rect', 'text', 'g', 'line', 'wp:docPr'].includes(name),
});

/** Every element named `name` anywhere under `node`. */
export function all(node: unknown, name: string): XmlNode[] {
  if (node === null || typeof node !== 'object') return [];
  const out: XmlNode[] = [];
  for (const [k, v] of Object.entries(node as XmlNode)) {
    const items = Array.isArray(v) ? v : [v];
    if (k === name) out.push(...(items as XmlNode[]));
    for (const item of items) out.push(...all(item, name));
  }
  return out;
}
