import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { CLUB_YAML } from '../helpers/club-tree.js';

describe('vacant-position', () => {
  it('accepts positions with a holder on the day', async () => {
    expectClean(await check({}));
  });
  it('warns when the secretary\'s term ended before today', async () => {
    const d = expectOne(await check({ 'officers/secretary-petrov-p-p.yaml': 'position: secretary\nmember: petrov-p-p\nfrom: 2016-03-01\nto: 2019-12-31\n' }),
      'vacant-position', 'club.yaml', at(CLUB_YAML, 'secretary'));
    expect(d.severity).toBe('warning');
  });
  it('counts "today" from --as-of: the same term is not vacant earlier', async () => {
    expectClean(await check({ 'officers/secretary-petrov-p-p.yaml': 'position: secretary\nmember: petrov-p-p\nfrom: 2016-03-01\nto: 2019-12-31\n' }, '2019-12-31'));
  });
});
