import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { member } from '../helpers/club-tree.js';

describe('country-not-member', () => {
  it('accepts a participant from a country that is not a member, and a customs member of a member country', async () => {
    expectClean(await check({
      'members/dupont-j.yaml': member({ name: 'Dupont J.', country: 'FR', category: 'participant' }),
      'members/schmidt-a.yaml': member({ name: 'Schmidt A.', country: 'DE', joined: '2010' }),
    }));
  });
  it('reports an embassy member of a country that is not a member', async () => {
    const text = member({ name: 'Dupont J.', country: 'FR', category: 'embassy' });
    const d = expectOne(await check({ 'members/dupont-j.yaml': text }), 'country-not-member', 'members/dupont-j.yaml', at(text, 'FR'));
    expect(d.message).toMatch(/, so an `embassy` member cannot represent it$/);
  });
  it('reports a customs member who joined before the country did', async () => {
    const text = member({ name: 'Schmidt A.', country: 'DE', joined: '2009-06-01' });
    expectOne(await check({ 'members/schmidt-a.yaml': text }), 'country-not-member', 'members/schmidt-a.yaml', at(text, '2009-06-01'));
  });
  it('a customs member of a country that is not a member: "a `customs` member"', async () => {
    const text = member({ name: 'Dupont J.', country: 'FR' });
    const d = expectOne(await check({ 'members/dupont-j.yaml': text }), 'country-not-member', 'members/dupont-j.yaml', at(text, 'FR'));
    expect(d.message).toBe('FR (France) is not a member country of the club, so a `customs` member cannot represent it');
  });
});
