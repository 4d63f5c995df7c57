import { describe, expect, it } from 'vitest';
import { check, expectClean, expectOne } from '../helpers/check.js';
import { member } from '../helpers/club-tree.js';

describe('duplicate-records', () => {
  it('accepts two members alike in all but one field', async () => {
    expectClean(await check({ 'members/ivanov-i-i-2.yaml': member({ name: 'Ivanov I.I.', joined: '2011-01-01' }) }));
  });
  it('warns about a record copied under another name (duplicate-record), naming the other file', async () => {
    const d = expectOne(await check({ 'members/z-copy.yaml': member({ name: 'Ivanov I.I.' }) }), 'duplicate-record', 'members/z-copy.yaml', { line: 1, column: 1 });
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('members/ivanov-i-i.yaml');
    expect(d.hint).toMatch(/^remove one of the two files/);
  });
  it('sees the same fields in another order as the same record', async () => {
    const reordered = member({ name: 'Ivanov I.I.' }).split('\n').filter(Boolean).reverse().join('\n') + '\n';
    expectOne(await check({ 'members/a-copy.yaml': reordered }), 'duplicate-record', 'members/ivanov-i-i.yaml', { line: 1, column: 1 });
  });
});
