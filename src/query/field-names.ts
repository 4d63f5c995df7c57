import { UsageError } from '../errors/errors.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { FieldInfo } from './fields.js';

/** The field a flag names, or a usage error that lists the fields there are. */
export function requireField(name: string, fields: readonly FieldInfo[], flag: string): FieldInfo {
  const field = fields.find((f) => f.path === name);
  if (field) return field;
  const paths = fields.map((f) => f.path);
  const near = didYouMean(name, paths);
  throw new UsageError(`${flag}: there is no field \`${name}\`${near ? `; ${near}` : ''}`, `fields: ${paths.join(', ')}`);
}
