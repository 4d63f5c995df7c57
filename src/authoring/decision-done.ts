import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import type { IsoDate } from '../model/types.js';

/**
 * Marks decision `index` (0-based) of a meeting document done on `on`, in place:
 * a plain sentence becomes `{text, done}`, a decision already written as a
 * mapping gains `done`. Comments on the item stay with it; the rest of the file
 * is untouched. Returns false when there is no such decision.
 */
export function markDecisionDone(doc: Document, index: number, on: IsoDate): boolean {
  const list = doc.get('decisions', true);
  if (!isSeq(list)) return false;
  const item = list.items[index] as Node | undefined;
  if (item === undefined) return false;
  if (isMap(item)) {
    item.set('done', on);
    return true;
  }
  if (!isScalar(item)) return false;
  const replacement = doc.createNode({ text: '', done: on }) as YAMLMap<unknown, unknown>;
  // A comment above the item stays above it; one after the sentence stays after the sentence.
  replacement.commentBefore = item.commentBefore;
  // A sentence kept in quotes or a block stays so: the scalar node itself moves into the mapping.
  replacement.set('text', item);
  item.commentBefore = undefined;
  list.items[index] = replacement;
  return true;
}
