import { describe, expect, it } from 'vitest';
import { check, expectClean, expectOne } from '../helpers/check.js';
import { member } from '../helpers/club-tree.js';

describe('record-ids', () => {
  it('accepts a lowercase slug as a file name', async () => {
    expectClean(await check({ 'members/li-wei-2.yaml': member({ name: 'Li W.' }) }));
  });
  it('refuses a file name that is not a slug (invalid-id) and suggests one', async () => {
    const d = expectOne(await check({ 'members/Li Wei.yaml': member({ name: 'Li W.' }) }), 'invalid-id', 'members/Li Wei.yaml', { line: 1, column: 1 });
    expect(d.hint).toBe('rename the file to li-wei.yaml');
  });
  it('refuses the same id twice in a collection (duplicate-id)', async () => {
    const d = expectOne(await check({ 'members/ivanov-i-i.yml': member({ name: 'Ivanov I.I.' }) }), 'duplicate-id', 'members/ivanov-i-i.yml', { line: 1, column: 1 });
    expect(d.message).toContain('members/ivanov-i-i.yaml');
  });
});
