import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
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
  it('removes what waiters killed while waiting left behind, written or not yet, and keeps a live waiter\'s file', async () => {
    const dir = testdir({
      '.club.lock.999999999.0badc0de': '999999999 1', // a waiter that died waiting
      '.club.lock.999999998.0badc0de': '', // a waiter killed between creating its file and writing it
      [`.club.lock.${process.pid}.0badc0de`]: `${process.pid}`, // a live waiter
      [`.club.lock.${process.pid}.0badc0df`]: '', // a live waiter writing its file: not yet a whole identity
    });
    expect(await withLock(dir, async () => 'ran')).toBe('ran');
    expect(readdirSync(dir).sort()).toEqual([`.club.lock.${process.pid}.0badc0de`, `.club.lock.${process.pid}.0badc0df`].sort());
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
  it('records its holder as pid and start time, so a pid the system gave to another process holds no lock', async () => {
    const dir = testdir({});
    const lock = path.join(dir, '.club.lock');
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    expect(await withLock(dir, async () => readFileSync(lock, 'utf8'))).toBe(`${process.pid} ${start}`);
    // This process's pid, but another start time: the process that took it is gone.
    writeFileSync(lock, `${process.pid} ${Number(start) + 1}`);
    expect(await withLock(dir, async () => 'ran', 500)).toBe('ran');
    // The same pid and start time: it lives, and keeps its lock.
    writeFileSync(lock, `${process.pid} ${start}`);
    await expect(withLock(dir, async () => 'ran', 200)).rejects.toThrow(IoError);
  });
  it('lets exactly one of many waiters take over a stale lock', async () => {
    for (let round = 0; round < 5; round++) {
      const dir = testdir({ '.club.lock': '999999999 1' });
      let holders = 0;
      let most = 0;
      await Promise.all(Array.from({ length: 16 }, () => withLock(dir, async () => {
        most = Math.max(most, ++holders);
        await new Promise((r) => setTimeout(r, 2));
        holders--;
      }, 60_000)));
      expect(most).toBe(1);
      expect(readdirSync(dir)).toEqual([]);
    }
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
