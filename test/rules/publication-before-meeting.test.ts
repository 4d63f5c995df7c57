import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { MEETING } from '../helpers/club-tree.js';

describe('publication-before-meeting', () => {
  it('accepts a publication in the month of the meeting (a month is read as its last day)', async () => {
    expectClean(await check({
      'meetings/2019-06-20-moscow.yaml': MEETING,
      'publications/p.yaml': 'title: T\noutlet: customs\ndate: 2019-06\nmeetings: [2019-06-20-moscow]\n',
    }));
  });
  it('warns about a publication dated before the meeting it reports', async () => {
    const text = 'title: T\noutlet: customs\ndate: 2019-06-19\nmeetings: [2019-06-20-moscow]\n';
    const d = expectOne(await check({ 'meetings/2019-06-20-moscow.yaml': MEETING, 'publications/p.yaml': text }),
      'publication-before-meeting', 'publications/p.yaml', at(text, '2019-06-20-moscow'));
    expect(d.severity).toBe('warning');
  });
});
