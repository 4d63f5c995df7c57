import { fstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { open } from '../../src/store/fs-async.js';
import { testdir } from '../helpers/testdir.js';

describe('fs-async open files', () => {
  it('close a descriptor once: a second close cannot close the file that has since been given its number', async () => {
    const dir = testdir({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
    const first = await open(path.join(dir, 'a.txt'), 'r');
    await first.close();
    // The lowest free number: the one `first` had.
    const second = await open(path.join(dir, 'b.txt'), 'r');
    expect(second.fd).toBe(first.fd);
    await first.close(); // a clean-up after a close, as write-file's catch does
    expect(fstatSync(second.fd).isFile()).toBe(true);
    expect((await second.readFile()).toString('utf8')).toBe(readFileSync(path.join(dir, 'b.txt'), 'utf8'));
    await second.close();
    expect(() => fstatSync(second.fd)).toThrow(/EBADF/);
  });
});
