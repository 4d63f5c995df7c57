import { countryName, countryNames } from '../model/countries.js';
import type { Member } from '../model/types.js';
import type { Choice } from './prompter.js';

/** A member in a picker: `Ivanov I.I. / Иванов И.И. (RU)`, found by either name, the id and the country in English or Russian. */
export function memberChoice(id: string, m: Member): Choice<string> {
  const native = m.name_native !== undefined && m.name_native !== m.name ? ` / ${m.name_native}` : '';
  return { name: `${m.name}${native} (${m.country})`, value: id, keywords: [id, ...countryNames(m.country)] };
}

/** A country in a picker: `Finland (FI)`, found by its English or Russian name (`фин`) or code. */
export const countryChoice = (code: string): Choice<string> => ({ name: `${countryName(code)} (${code})`, value: code, keywords: [countryName(code, 'ru')] });
