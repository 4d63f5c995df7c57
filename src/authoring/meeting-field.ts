import { isMap, isScalar, Scalar, type Document } from 'yaml';
import { RECORD_FIELDS } from '../model/record-fields.js';

/** HH:MM is a number to YAML 1.1 readers (`10:05` is 605 in base 60): times are written quoted, as the files write them. */
const TIME = /^\d{2}:\d{2}$/;

/** Sets a top-level field of a meeting in place (a scalar keeps its comment), a new one where the schema puts it; `undefined` removes it. */
export function setMeetingField(doc: Document, key: string, value: unknown): void {
  const map = doc.contents;
  if (!isMap(map)) return;
  if (JSON.stringify((doc.toJS() as Record<string, unknown> | null)?.[key]) === JSON.stringify(value)) return; // unchanged: layout stays
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    map.delete(key);
    return;
  }
  if (map.has(key)) {
    const node = map.get(key, true);
    if (isScalar(node) && (typeof value !== 'object' || value === null)) {
      node.value = value;
      if (typeof value === 'string' && TIME.test(value)) node.type = Scalar.QUOTE_DOUBLE;
    }
    else map.set(key, doc.createNode(value));
    return;
  }
  const order = RECORD_FIELDS.meeting;
  const rank = order.indexOf(key);
  let at = 0;
  for (let i = map.items.length - 1; i >= 0; i--) {
    const r = order.indexOf(String((map.items[i]!.key as { value?: unknown } | null)?.value));
    if (r >= 0 && r < rank) {
      at = i + 1;
      break;
    }
  }
  const pair = doc.createPair(key, value);
  if (typeof value === 'string' && TIME.test(value) && isScalar(pair.value)) pair.value.type = Scalar.QUOTE_DOUBLE;
  map.items.splice(at, 0, pair);
}
