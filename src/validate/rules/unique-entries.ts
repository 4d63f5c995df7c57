import type { Loaded } from '../../model/club.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

/** Ids in club.yaml's lists (divisions, positions, outlets, member countries) and guest ids in a meeting are unique. */
export const uniqueEntries: Rule = (club) => {
  const out: Diagnostic[] = [];
  const scan = (record: Loaded<'club'> | Loaded<'meeting'>, list: string, key: string, items: readonly Record<string, unknown>[] | undefined, code: string) => {
    const seen = new Map<unknown, number>();
    items?.forEach((item, i) => {
      const value = item[key];
      const first = seen.get(value);
      if (first === undefined) {
        seen.set(value, i);
        return;
      }
      out.push(problem(record, [list, i, key], code,
        `\`${String(value)}\` appears twice in \`${list}\` (items ${first + 1} and ${i + 1})`,
        { hint: `each entry of \`${list}\` needs its own \`${key}\`` }));
    });
  };
  const info = club.info;
  if (info) {
    const d = info.data;
    scan(info, 'divisions', 'id', d.divisions as unknown as Record<string, unknown>[], 'duplicate-entry');
    scan(info, 'positions', 'id', d.positions as unknown as Record<string, unknown>[], 'duplicate-entry');
    scan(info, 'outlets', 'id', d.outlets as unknown as Record<string, unknown>[] | undefined, 'duplicate-entry');
    scan(info, 'member_countries', 'country', d.member_countries as unknown as Record<string, unknown>[], 'duplicate-entry');
  }
  for (const m of club.meetings) {
    scan(m, 'guests', 'id', m.data.guests as unknown as Record<string, unknown>[] | undefined, 'duplicate-guest-id');
  }
  return out;
};
