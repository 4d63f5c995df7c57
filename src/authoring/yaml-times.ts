import { Scalar, visit, type Document, type Node } from 'yaml';

// A plain 18:30 is a string in YAML 1.2 but the number 1110 (base 60) to a YAML 1.1 reader
// (PyYAML, many editors): club writes such a value in double quotes, as the shipped records do.
const SEXAGESIMAL = /^[-+]?\d[\d_]*(:[0-5]?\d)+(\.[\d_]*)?$/;

/**
 * Double-quotes every string that a YAML 1.1 reader would take for a base-60 number (a time). With
 * `newOnly`, only nodes club made (no place in the parsed text): lines the secretary did not change keep their layout.
 */
export function quoteTimes(doc: Document | Node, newOnly = false): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string' || !SEXAGESIMAL.test(node.value)) return;
      if (newOnly && node.range !== undefined && node.range !== null) return;
      if (node.type === undefined || node.type === Scalar.PLAIN) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
}
