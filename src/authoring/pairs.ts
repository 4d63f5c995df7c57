import { UsageError } from '../errors/errors.js';
import { didYouMean } from '../diagnostics/suggest.js';

/**
 * `key=value; key=value` (as --guest, --item and `club set … list+=` take it) →
 * the pairs, in order. Unknown keys are usage errors with did-you-mean, and so
 * is a value that holds another known `key=` (a missing `;`, as in
 * `title=Talk, presenter=x`), so nothing is silently swallowed into a title.
 */
export function parsePairs(flag: string, text: string, allowed: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  const keys = allowed.map((k) => k.replace(/[^\w]/g, '')).join('|');
  // A missing `;` shown mended, so the right form is one copy away.
  const mended = text.replace(new RegExp(`\\s*,\\s*(${keys})\\s*=`, 'g'), '; $1=');
  const hint = mended === text
    ? `keys: ${allowed.join(', ')}; separate them with ;`
    : `put a ; between the pairs: ${flag.startsWith('--') ? `${flag} "${mended}"` : mended}`;
  for (const part of text.split(';').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? '' : part.slice(0, eq).trim();
    if (!allowed.includes(key)) {
      const near = key === '' ? undefined : didYouMean(key, allowed);
      throw new UsageError(`${flag} \`${text}\`: \`${part}\` is not KEY=VALUE with a known key${near ? `; ${near}` : ''}`, hint);
    }
    const value = part.slice(eq + 1).trim();
    const swallowed = new RegExp(`(?:^|[,\\s])(${keys})\\s*=`).exec(value);
    if (swallowed) {
      throw new UsageError(`${flag} \`${text}\`: the value of ${key} contains \`${swallowed[1]}=\`; is a ; missing before it?`, hint);
    }
    if (out.some(([k]) => k === key)) throw new UsageError(`${flag} \`${text}\`: ${key} is given twice`, hint);
    out.push([key, value]);
  }
  return out;
}
