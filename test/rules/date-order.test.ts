import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { MEETING, member } from '../helpers/club-tree.js';

describe('date-order and time-order', () => {
  it('accepts a member who joined before leaving, a term that ends after it starts, a meeting that ends after it starts', async () => {
    expectClean(await check({
      'members/old-o.yaml': member({ name: 'Old O.', joined: '2010', left: '2010' }),
      'officers/secretary-old.yaml': 'position: secretary\nmember: ivanov-i-i\nfrom: 2015-01-01\nto: 2016-02-29\n',
      'meetings/2019-06-20-moscow.yaml': MEETING,
    }));
  });
  it('reports left before joined at `left`', async () => {
    const text = member({ joined: '2015-01-01', left: '2014-12-31' });
    const d = expectOne(await check({ 'members/old-o.yaml': text }), 'date-order', 'members/old-o.yaml', at(text, '2014-12-31'));
    expect(d.message).toBe('`left` (2014-12-31) is before `joined` (2015-01-01)');
  });
  it('reports a term that ends before it starts at `to`', async () => {
    const text = 'position: secretary\nmember: ivanov-i-i\nfrom: 2015-06-01\nto: 2015-05-31\n';
    expectOne(await check({ 'officers/secretary-old.yaml': text }), 'date-order', 'officers/secretary-old.yaml', at(text, '2015-05-31'));
  });
  it('reports a meeting that ends before it starts at `end`', async () => {
    const text = MEETING.replace('end: "12:00"', 'end: "09:30"');
    expectOne(await check({ 'meetings/2019-06-20-moscow.yaml': text }), 'time-order', 'meetings/2019-06-20-moscow.yaml', at(text, '"09:30"'));
  });
});
