import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { MEETING } from '../helpers/club-tree.js';

describe('held-in-future and planned-in-past', () => {
  it('accepts a held meeting in the past and a planned one in the future', async () => {
    expectClean(await check({
      'meetings/2019-06-20-moscow.yaml': MEETING,
      'meetings/2020-03-01-moscow.yaml': MEETING.replace('date: 2019-06-20', 'date: 2020-03-01').replace('status: held', 'status: planned'),
    }));
  });
  it('reports a held meeting dated after today as an error', async () => {
    const text = MEETING.replace('date: 2019-06-20', 'date: 2020-03-01');
    const d = expectOne(await check({ 'meetings/2020-03-01-moscow.yaml': text }), 'held-in-future', 'meetings/2020-03-01-moscow.yaml', at(text, 'held'));
    expect(d.severity).toBe('error');
    expect(d.hint).toContain('`club reschedule 2020-03-01-moscow --date YYYY-MM-DD`');
  });
  it('reports a planned meeting whose date has passed as a warning', async () => {
    const text = MEETING.replace('status: held', 'status: planned');
    const d = expectOne(await check({ 'meetings/2019-06-20-moscow.yaml': text }), 'planned-in-past', 'meetings/2019-06-20-moscow.yaml', at(text, 'planned'));
    expect(d.severity).toBe('warning');
    expect(d.hint).toBe('record what happened: `club record 2019-06-20-moscow`, or call it off: `club cancel 2019-06-20-moscow --reason …`');
  });
});
