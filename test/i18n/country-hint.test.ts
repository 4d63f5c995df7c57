import { describe, expect, it } from 'vitest';
import { at, check, expectOne } from '../helpers/check.js';
import { member } from '../helpers/club-tree.js';

const FILE = 'members/ivanov-i-i.yaml';

describe('a country written as a name, in any script, gets its code as a hint', () => {
  it.each([['Россия', 'RU', 'Russia'], ['финляндия', 'FI', 'Finland'], ['Германия', 'DE', 'Germany']])('%s → %s', async (written, code, english) => {
    const text = member({ name: 'Ivanov I.I.', country: written });
    const d = expectOne(await check({ [FILE]: text }), 'unknown-country', FILE, at(text, written));
    expect(d.hint).toBe(`did you mean \`${code}\` (${english})?`);
  });
});
