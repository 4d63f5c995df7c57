import type { RecordKind } from '../model/types.js';
import type { SchemaDocuments } from '../store/schemas.js';

/** How a field's values compare and show: dates by calendar, countries by code or English name. */
export type FieldType = 'text' | 'date' | 'number' | 'country' | 'list' | 'object' | 'boolean';

export interface FieldInfo {
  /** Dot path: `name`, `venue.city`, `guests.name` (any guest's name). */
  path: string;
  type: FieldType;
  /** The values the schema allows, when it lists them (`category`, `kind`, country codes). */
  values?: readonly string[];
}

interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
}

const DEF_TYPES: Record<string, FieldType> = {
  date: 'date', partialDate: 'date', country: 'country', idList: 'list',
};

/** The fields of a record kind that queries may name, read from its schema. */
export function fieldCatalogue(kind: RecordKind, docs: SchemaDocuments): FieldInfo[] {
  const defs = (docs.defs as { $defs: Record<string, SchemaNode> }).$defs;
  const out: FieldInfo[] = [{ path: 'id', type: 'text' }];
  const walk = (props: Record<string, SchemaNode>, prefix: string) => {
    for (const [name, schema] of Object.entries(props)) {
      const path = `${prefix}${name}`;
      const defName = schema.$ref?.split('/').pop();
      const resolved = defName !== undefined ? { ...defs[defName], ...schema } : schema;
      const type = defName !== undefined && DEF_TYPES[defName] ? DEF_TYPES[defName]! : typeOf(resolved);
      const values = resolved.enum?.filter((v): v is string => typeof v === 'string');
      out.push(values && values.length > 0 ? { path, type, values } : { path, type });
      if (resolved.properties) walk(resolved.properties, `${path}.`);
      if (resolved.items?.properties) walk(resolved.items.properties, `${path}.`);
    }
  };
  walk((docs[kind] as SchemaNode).properties ?? {}, '');
  return out;
}

function typeOf(schema: SchemaNode): FieldType {
  const types = ([] as string[]).concat(schema.type ?? []);
  if (types.includes('array')) return 'list';
  if (types.includes('object')) return 'object';
  if (types.includes('boolean')) return 'boolean';
  if (types.length > 0 && types.every((t) => t === 'integer' || t === 'number')) return 'number';
  return 'text';
}

/** Every value at a dot path; a list on the way contributes each of its items. */
export function valuesAt(record: unknown, path: string): unknown[] {
  // A top-level field of a record, the usual case (every cell of a list): what the walk below gives, without its lists.
  if (record !== null && typeof record === 'object' && !Array.isArray(record) && !path.includes('.')) {
    if (!Object.hasOwn(record, path)) return [];
    const value = (record as Record<string, unknown>)[path];
    return Array.isArray(value) && value.every((x) => typeof x !== 'object' || x === null) ? value.slice() : [value];
  }
  let current: unknown[] = [record];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object') continue;
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.hasOwn(item, part)) {
          next.push((item as Record<string, unknown>)[part]);
        }
      }
    }
    current = next;
  }
  return current.flatMap((v) => (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null) ? v : [v]));
}
