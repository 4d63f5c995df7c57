import { countryName, countryNames } from '../model/countries.js';
import type { Member } from '../model/types.js';
import { nearestOf } from '../diagnostics/suggest.js';
import type { Choice } from './prompter.js';

/** A member in a picker: `Ivanov I.I. / Иванов И.И. (RU)`, found by either name, the id and the country in English or Russian. */
export function memberChoice(id: string, m: Member): Choice<string> {
  const native = m.name_native !== undefined && m.name_native !== m.name ? ` / ${m.name_native}` : '';
  return { name: `${m.name}${native} (${m.country})`, value: id, keywords: [id, ...countryNames(m.country)] };
}

/** A country in a picker: `Finland (FI)`, found by its English or Russian name (`фин`) or code. */
export const countryChoice = (code: string): Choice<string> => ({ name: `${countryName(code)} (${code})`, value: code, keywords: [countryName(code, 'ru')] });

/** "did you mean `ivanov-i-i`?": the nearest member ids, and the ids of the nearest names (whole or surname) in any script. */
export function didYouMeanMember(wanted: string, members: Iterable<[string, { data: Member }]>): string | undefined {
  const byName = new Map<string, string>();
  const ids: string[] = [];
  for (const [id, m] of members) {
    ids.push(id);
    for (const n of [m.data.name, m.data.name_native]) if (n) for (const form of [n, n.split(/\s+/)[0]!]) byName.set(form, id);
  }
  // One suggestion per member, by id, whether its id or one of its names is near.
  const seen = new Set<string>();
  const near = nearestOf(wanted, [...ids, ...byName.keys()]).flatMap((c) => {
    const id = ids.includes(c) ? c : byName.get(c)!;
    if (seen.has(id)) return [];
    seen.add(id);
    return [`\`${id}\``];
  });
  return near.length === 0 ? undefined : `did you mean ${near.join(' or ')}?`;
}
