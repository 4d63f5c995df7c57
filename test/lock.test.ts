import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IoError } from '../src/errors/errors.js';
import { withLock } from '../src/store/lock.js';
import { testdir } from './helpers/testdir.js';

describe('the data folder lock', () => {
  it('takes over a lock left empty or by a process that has died', async () => {
    for (const content of ['', '999999999', 'not a pid']) {
      const dir = testdir({ '.club.lock': content });
      expect(await withLock(dir, async () => 'ran')).toBe('ran');
      expect(readdirSync(dir)).toEqual([]); // neither the lock nor its temporary file is left
    }
  });
  it('waits for a live holder, then gives up with an I/O error', async () => {
    const dir = testdir({});
    writeFileSync(path.join(dir, '.club.lock'), String(process.pid));
    await expect(withLock(dir, async () => 'ran', 200)).rejects.toThrow(IoError);
    expect(existsSync(path.join(dir, '.club.lock'))).toBe(true);
  });
  it('never takes a lock whose holder lives, however long it has held it (a slow disk, a GPG prompt)', async () => {
    const dir = testdir({});
    const lock = path.join(dir, '.club.lock');
    writeFileSync(lock, String(process.pid));
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lock, hourAgo, hourAgo);
    await expect(withLock(dir, async () => 'ran', 300)).rejects.toThrow(IoError);
    expect(existsSync(lock)).toBe(true);
  });
  it('lets writers take turns', async () => {
    const dir = testdir({});
    const order: string[] = [];
    await Promise.all(['a', 'b', 'c'].map((name) => withLock(dir, async () => {
      order.push(`${name}+`);
      await new Promise((r) => setTimeout(r, 20));
      order.push(`${name}-`);
    })));
    for (let i = 0; i < order.length; i += 2) expect(order[i]!.slice(0, 1)).toBe(order[i + 1]!.slice(0, 1));
  });
});
