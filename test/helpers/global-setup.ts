import { chmodSync, mkdtempSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the tests' temporary folders go (vitest.config.ts: globalSetup, run once in vitest's main process before
 * its workers start, which inherit TMPDIR, as does every process a test starts). The suite makes and removes
 * tens of thousands of files (a git repository per test, npm installs, documents); on a disk file system such as
 * ext4 the kernel's inode allocation then scans past recently deleted inodes, about 9 s of system CPU per run
 * measured with `perf` (find_get_block_common, recently_deleted). In memory (tmpfs) that cost is gone.
 * So, when TMPDIR is not set: a folder of its own in /dev/shm if that is a tmpfs with room and programs may run
 * from it (no noexec: the tests run scripts and installed packages from their folders), mode 1777 like /tmp
 * (tests run club as `nobody`); else the system's default. CLUB_TEST_TMPDIR=<folder> chooses another parent,
 * CLUB_TEST_TMPDIR=os leaves TMPDIR as it is. The folder, with whatever a test left in it, is removed at the end.
 */
const TMPFS = 0x01021994;
const ROOM = 2 ** 30;

function tmpfsParent(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = statfsSync('/dev/shm');
    if (stat.type !== TMPFS || stat.bavail * stat.bsize < ROOM) return undefined;
    const mount = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').map((line) => line.split(' ')).find((f) => f[4] === '/dev/shm');
    if (mount === undefined || /(^|,)noexec(,|$)/.test(mount[5] ?? '')) return undefined;
    return '/dev/shm';
  } catch {
    return undefined;
  }
}

export default function setup(): (() => void) | undefined {
  const chosen = process.env.CLUB_TEST_TMPDIR;
  if (chosen === 'os' || (chosen === undefined && process.env.TMPDIR)) return undefined;
  const parent = chosen ?? tmpfsParent();
  if (parent === undefined) return undefined;
  const dir = mkdtempSync(path.join(parent, 'club-tests-'));
  chmodSync(dir, 0o1777);
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
