import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';

describe('overlapping-term', () => {
  it('accepts a successor whose term starts the day after the predecessor\'s ends', async () => {
    expectClean(await check({
      'officers/chairman-ivanov-i-i.yaml': 'position: chairman\nmember: ivanov-i-i\nfrom: 2015-01-01\nto: 2017-12-31\n',
      'officers/chairman-muller-k.yaml': 'position: chairman\nmember: muller-k\nfrom: 2018-01-01\n',
    }));
  });
  it('reports a second chairman while the first is still in office, with the day to end the first', async () => {
    const text = 'position: chairman\nmember: muller-k\nfrom: 2018-01-01\n';
    const d = expectOne(await check({ 'officers/chairman-muller-k.yaml': text }), 'overlapping-term',
      'officers/chairman-muller-k.yaml', at(text, '2018-01-01'));
    expect(d.message).toContain('`ivanov-i-i`');
    expect(d.hint).toContain('`to: 2017-12-31`');
  });
  it('reports two terms that begin the same day with a hint that does not end a term before it starts', async () => {
    // "end the earlier term the day before" would be `to: 2016-02-29` on a term from 2016-03-01: a date-order error.
    const text = 'position: secretary\nmember: virtanen-a\nfrom: 2016-03-01\n';
    const d = expectOne(await check({ 'officers/secretary-virtanen-a.yaml': text }), 'overlapping-term',
      'officers/secretary-virtanen-a.yaml', at(text, '2016-03-01'));
    expect(d.message).toContain('`petrov-p-p`');
    expect(d.hint).not.toContain('to: 2016-02-29');
    expect(d.hint).toContain('both terms begin on 2016-03-01');
    expect(d.hint).toContain('officers/secretary-petrov-p-p.yaml');
    expect(d.hint).toContain('remove one of them or correct its `from`');
  });
  it('reads partial dates generously: a term ending "2017" and one starting "2017" do not surely overlap', async () => {
    expectClean(await check({
      'officers/chairman-ivanov-i-i.yaml': 'position: chairman\nmember: ivanov-i-i\nfrom: 2015-01-01\nto: 2017\n',
      'officers/chairman-muller-k.yaml': 'position: chairman\nmember: muller-k\nfrom: 2017\n',
    }));
  });
});
