import { describe, expect, it } from 'vitest';
import { check, expectClean } from './helpers/check.js';
import { MEETING } from './helpers/club-tree.js';

describe('the base fixture every rule test starts from', () => {
  it('is valid with no warnings', async () => {
    expectClean(await check({}));
  });
  it('stays valid with a held meeting and a publication', async () => {
    expectClean(await check({
      'meetings/2019-06-20-moscow.yaml': MEETING,
      'publications/customs-2019-07.yaml': 'title: A report\noutlet: customs\ndate: 2019-07\nmeetings: [2019-06-20-moscow]\n',
    }));
  });
  it('is found: the check reads the files it was given', async () => {
    const d = await check({ 'members/ivanov-i-i.yaml': 'name: 1\n' });
    expect(d.length).toBeGreaterThan(0);
  });
});
