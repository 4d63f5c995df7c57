import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type { RecordKind } from '../model/types.js';
import { schemaText, type SchemaDocuments } from './schemas.js';

export type Validators = Record<RecordKind, ValidateFunction>;

/**
 * The validators compiled at build time (.build/validators.cjs), when they were
 * made from these very schemas; otherwise undefined, and the caller compiles.
 */
export function precompiledValidators(docs: SchemaDocuments): Validators | undefined {
  try {
    // .build/validators.cjs at the package root: the same file from .build/store/ and from src/store/
    // (where tests import this module), so code run from the sources also uses what the build compiled.
    const mod = createRequire(import.meta.url)('../../.build/validators.cjs') as Validators & { schemaText?: string };
    return mod.schemaText === schemaText(docs) ? mod : undefined;
  } catch {
    return undefined;
  }
}
