import { readDateFlag } from '../model/typed-date.js';
import type { IsoDate } from '../model/types.js';
import { UsageError } from '../errors/errors.js';

/** "Today": --as-of, else $CLUB_TODAY, else the machine's local date. */
export function resolveToday(flag: string | undefined, env: NodeJS.ProcessEnv, now: Date): IsoDate {
  const given = flag ?? (env.CLUB_TODAY || undefined);
  if (given !== undefined) {
    const source = flag !== undefined ? '--as-of' : 'CLUB_TODAY';
    const read = readDateFlag(source, given);
    if (read.problem !== undefined) throw new UsageError(read.problem, 'e.g. --as-of 2019-06-16');
    return read.iso;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
