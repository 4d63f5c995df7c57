import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { CLUB_YAML, member } from '../helpers/club-tree.js';

describe('country-without-representative', () => {
  it('accepts a country whose representative is active', async () => {
    expectClean(await check({}));
  });
  it('does not count a participant, nor a country that has left the club', async () => {
    const club = CLUB_YAML.replace('  - country: DE\n    since: 2010\n', '  - country: DE\n    since: 2010\n    until: 2018\n');
    expectClean(await check({ 'club.yaml': club, 'members/muller-k.yaml': member({ name: 'Müller K.', country: 'DE', joined: '2012', left: '2018-12-31' }) }));
  });
  it('warns about a member country whose only representative has left', async () => {
    const d = expectOne(await check({ 'members/muller-k.yaml': member({ name: 'Müller K.', country: 'DE', joined: '2012', left: '2019-12-31' }) }),
      'country-without-representative', 'club.yaml', at(CLUB_YAML, 'DE'));
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('member country DE (Germany) has no active representative on record on 2020-01-15');
  });
});
