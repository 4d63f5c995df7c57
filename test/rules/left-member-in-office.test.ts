import { describe, expect, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { member } from '../helpers/club-tree.js';

describe('left-member-in-office', () => {
  it('accepts a member who left after their term was closed', async () => {
    expectClean(await check({
      'members/petrov-p-p.yaml': member({ name: 'Petrov P.P.', joined: '2016-03-01', left: '2019-01-01' }),
      'officers/secretary-petrov-p-p.yaml': 'position: secretary\nmember: petrov-p-p\nfrom: 2016-03-01\nto: 2018-12-31\n',
      'officers/secretary-ivanov-i-i.yaml': 'position: secretary\nmember: ivanov-i-i\nfrom: 2019-01-01\n',
    }));
  });
  it('reports an open term of a member who left, and says how to close it', async () => {
    const text = 'position: secretary\nmember: petrov-p-p\nfrom: 2016-03-01\n';
    const d = expectOne(await check({
      'members/petrov-p-p.yaml': member({ name: 'Petrov P.P.', joined: '2016-03-01', left: '2019-01-01' }),
      'officers/secretary-petrov-p-p.yaml': text,
    }), 'left-member-in-office', 'officers/secretary-petrov-p-p.yaml', at(text, 'petrov-p-p'));
    expect(d.hint).toBe('end the term: add `to: 2018-12-31`');
  });
});
