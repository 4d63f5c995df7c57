import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { member } from '../helpers/club-tree.js';

describe('officer-from-non-member-country', () => {
  it('accepts an officer from a member country', async () => {
    expectClean(await check({}));
  });
  it('warns about a participant from a country that is not a member, appointed chairman', async () => {
    const text = 'position: chairman\nmember: dupont-j\nfrom: 2019-01-01\n';
    const result = await check({
      'members/dupont-j.yaml': member({ name: 'Dupont J.', country: 'FR', category: 'participant', joined: '2018-01-01' }),
      'officers/chairman-ivanov-i-i.yaml': 'position: chairman\nmember: ivanov-i-i\nfrom: 2015-01-01\nto: 2018-12-31\n',
      'officers/chairman-dupont-j.yaml': text,
    });
    const d = expectOne(result, 'officer-from-non-member-country', 'officers/chairman-dupont-j.yaml', at(text, 'dupont-j'));
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('FR (France)');
  });
});
