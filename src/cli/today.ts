import { typedDateProblem } from '../model/dates.js';
import type { IsoDate } from '../model/types.js';
import { UsageError } from '../errors/errors.js';

/** "Today": --as-of, else $CLUB_TODAY, else the machine's local date. */
export function resolveToday(flag: string | undefined, env: NodeJS.ProcessEnv, now: Date): IsoDate {
  const given = flag ?? (env.CLUB_TODAY || undefined);
  if (given !== undefined) {
    const source = flag !== undefined ? '--as-of' : 'CLUB_TODAY';
    if (typedDateProblem(source, given) !== undefined) {
      throw new UsageError(typedDateProblem(source, given)!, 'e.g. --as-of 2019-06-16');
    }
    return given;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
