import { describe, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { member } from '../helpers/club-tree.js';

describe('officer-not-member', () => {
  it('accepts a term inside the membership', async () => {
    expectClean(await check({
      'members/old-o.yaml': member({ name: 'Old O.', joined: '2010-01-01', left: '2014-01-01' }),
      'officers/secretary-old-o.yaml': 'position: secretary\nmember: old-o\nfrom: 2011-01-01\nto: 2013-12-31\n',
    }));
  });
  it('reports a term that starts before the member joined', async () => {
    const text = 'position: secretary\nmember: petrov-p-p\nfrom: 2016-02-01\n';
    expectOne(await check({ 'officers/secretary-petrov-p-p.yaml': text }), 'officer-not-member',
      'officers/secretary-petrov-p-p.yaml', at(text, '2016-02-01'));
  });
  it('reports a term that ends after the member left', async () => {
    const text = 'position: secretary\nmember: old-o\nfrom: 2011-01-01\nto: 2014-06-30\n';
    expectOne(await check({
      'members/old-o.yaml': member({ name: 'Old O.', joined: '2010-01-01', left: '2014-01-01' }),
      'officers/secretary-old-o.yaml': text,
    }), 'officer-not-member', 'officers/secretary-old-o.yaml', at(text, '2014-06-30'));
  });
});
