import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/validate/check.js';
import { readDataFolder } from '../../src/store/read-folder.js';
import { withLock } from '../../src/store/lock.js';
import { JOURNAL_NAME, recoverChange, type FileOperation } from '../../src/store/transaction.js';
import { AS_OF, baseTree } from '../helpers/club-tree.js';
import { copyOver, killAtEveryStep, storeChild } from '../helpers/crash.js';
import { schemas } from '../helpers/load-tree.js';
import { writeTree, type Tree } from '../helpers/testdir.js';

/** test/helpers/change-child.mjs as one CommonJS file (made on first use). */
const CHILD = () => storeChild('change-child');

/** Every file under `dir` with its text. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p).split(path.sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Makes `dir` hold exactly `tree`. */
function reset(dir: string, tree: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  writeTree(dir, tree);
}

/** Recovers as any next club command does, then checks that every file parses and the folder has no error. */
async function recoverAndCheck(dir: string): Promise<void> {
  await withLock(dir, () => recoverChange(dir));
  const folder = await readDataFolder(dir, dir);
  expect(folder.diagnostics).toEqual([]);
  const result = checkFiles(folder.files.map((f) => ({ file: f.file, collection: f.collection, stem: f.stem, text: f.text ?? '' })), schemas, AS_OF);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
}

/** Runs the child that applies `ops`; kills it `delayMs` after it says "go" (never when undefined). Resolves with its exit. */
function runChild(dir: string, opsFile: string, delayMs?: number): Promise<{ killed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD(), dir, opsFile], { stdio: ['ignore', 'pipe', 'inherit'], env: { PATH: process.env.PATH ?? '' } });
    let go = 0n;
    child.stdout.on('data', (chunk: Buffer) => {
      if (go !== 0n || !chunk.toString().includes('go')) return;
      go = process.hrtime.bigint();
      if (delayMs === undefined) return;
      // A busy wait: setTimeout cannot aim below a millisecond, and the change itself takes only a few.
      const until = go + BigInt(Math.round(delayMs * 1e6));
      while (process.hrtime.bigint() < until) { /* aim */ }
      child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', ms: Number(process.hrtime.bigint() - go) / 1e6 }));
  });
}

const MEETING = `# the June meeting
date: 2019-06-20
kind: regular
division: moscow
status: held

venue:
  name: FCS headquarters
  city: Moscow
`;

/** Before and after of two multi-file changes: `leave` of a member in office, and a reschedule (rename plus the reference to it). */
function scenarios(): { name: string; before: Tree; after: Record<string, string | null> }[] {
  const base = baseTree();
  return [
    {
      name: 'leave',
      before: base,
      after: {
        'members/petrov-p-p.yaml': `${base['members/petrov-p-p.yaml']}left: 2019-09-01\n`,
        'officers/secretary-petrov-p-p.yaml': `${base['officers/secretary-petrov-p-p.yaml']}to: 2019-08-31\n`,
      },
    },
    {
      name: 'reschedule',
      before: {
        ...base,
        'meetings/2019-06-20-moscow.yaml': MEETING,
        'publications/customs-2019-07.yaml': 'title: The June meeting\noutlet: customs\ndate: 2019-07\nmeetings: [2019-06-20-moscow]\n',
      },
      after: {
        'meetings/2019-06-20-moscow.yaml': null,
        'meetings/2019-06-27-moscow.yaml': MEETING.replace('2019-06-20', '2019-06-27').replace('# the June meeting', '# the June meeting, moved a week'),
        'publications/customs-2019-07.yaml': 'title: The June meeting\noutlet: customs\ndate: 2019-07\nmeetings: [2019-06-27-moscow]\n',
        'members/ivanov-i-i.yaml': `${base['members/ivanov-i-i.yaml']}notes: chaired the moved meeting\n`,
      },
    },
  ];
}

describe('a change of several files is all or nothing across SIGKILL', () => {
  it('killed before each durable step of the change and of its recovery, and 12 times at random moments (4 at once): each folder is as it was or wholly changed, parses and validates', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'club-atomic-'));
    try {
      // Each scenario twice, in its own folder: the random kills hit two processes at once.
      const cases = [...scenarios(), ...scenarios()].map((s, i) => {
        const dir = path.join(work, `${s.name}-${i}`, 'data');
        const before = Object.fromEntries(Object.entries(s.before).map(([k, v]) => [k, String(v)]));
        const after: Record<string, string> = { ...before };
        for (const [k, v] of Object.entries(s.after)) {
          if (v === null) delete after[k];
          else after[k] = v;
        }
        const ops: FileOperation[] = Object.entries(s.after).map(([k, v]) => (v === null
          ? { kind: 'delete', target: path.join(dir, k) }
          : { kind: 'write', target: path.join(dir, k), text: v, mustNotExist: !(k in before) }));
        const opsFile = path.join(work, `ops-${i}.json`);
        writeFileSync(opsFile, JSON.stringify(ops));
        return { ...s, dir, before, after, ops, opsFile };
      });
      const outcome = async (c: (typeof cases)[number], what: string): Promise<'before' | 'after'> => {
        await recoverAndCheck(c.dir);
        const now = files(c.dir);
        if (isDeepStrictEqual(now, c.before)) return 'before';
        expect(now, `${c.name}, ${what}: neither as it was nor wholly changed`).toEqual(c.after);
        return 'after';
      };

      // One run of each, not killed: how long the change takes after "go", and that the after-state is what we think.
      const windows: number[] = [];
      for (const c of cases) {
        reset(c.dir, c.before);
        const run = await runChild(c.dir, c.opsFile);
        expect(run.killed).toBe(false);
        expect(files(c.dir)).toEqual(c.after);
        await recoverAndCheck(c.dir);
        windows.push(run.ms);
      }

      // Every step once (the crash-point hook, src/store/crash-point.ts): before the journal is in place the
      // change never happened, after it the next command finishes it.
      for (const c of cases.slice(0, 2)) {
        const states: string[] = [];
        const whole = await killAtEveryStep([CHILD(), c.dir, c.opsFile], {
          cwd: work, reset: () => reset(c.dir, c.before),
          check: async (run, n) => {
            states.push(await outcome(c, `killed before step ${n} (${run.steps.at(-1)})`));
          },
        });
        const writes = c.ops.filter((o) => o.kind === 'write').length;
        // Lock (3), a temporary file per write, the journal written and renamed, a rename per write and a removal
        // per delete, the journal removed, the lock released.
        expect(whole.steps).toHaveLength(3 + writes + 2 + c.ops.length + 2);
        const decided = whole.steps.indexOf('rename the journal into place') + 1;
        expect(states).toEqual(whole.steps.map((_, i) => (i + 1 <= decided ? 'before' : 'after')));

        // The recovery itself killed at each of its steps: the change stopped with its journal in place and nothing
        // renamed (made once by a real kill, its folder copied back before each run: the dead holder's lock, the
        // journal and the temporary files as the kill left them), then the next command stopped at each step of
        // finishing it, then the one after that.
        reset(c.dir, c.before);
        const stopped = spawnSync(process.execPath, [CHILD(), c.dir, c.opsFile], { env: { PATH: process.env.PATH ?? '', CLUB_TEST_CRASH_AT: String(decided + 1) } });
        expect(stopped.signal).toBe('SIGKILL');
        expect([...stopped.stderr.toString().matchAll(/^club: test step \d+: (.*)$/gm)].map((m) => m[1])).toEqual(whole.steps.slice(0, decided + 1));
        expect(readdirSync(c.dir)).toContain(JOURNAL_NAME);
        const interrupted = `${c.dir}-interrupted`;
        copyOver(c.dir, interrupted);
        const recovery = await killAtEveryStep([CHILD(), c.dir, '--recover'], {
          cwd: work,
          reset: () => copyOver(interrupted, c.dir),
          check: async (run, n) => { expect(await outcome(c, `recovery killed before step ${n} (${run.steps.at(-1)})`)).toBe('after'); },
        });
        // Lock (3), a rename or removal per operation, the journal removed, the lock released.
        expect(recovery.steps).toHaveLength(3 + c.ops.length + 2);
        expect(files(c.dir)).toEqual(c.after);
      }

      // The real signal at random moments, aimed at the change.
      const seen = { before: 0, after: 0 };
      for (let round = 0; round < 3; round++) {
        await Promise.all(cases.map(async (c, i) => {
          reset(c.dir, c.before);
          await runChild(c.dir, c.opsFile, Math.random() * windows[i]! * 1.3);
          seen[await outcome(c, `random kill ${round * cases.length + i + 1}`)]++;
        }));
      }
      expect(seen.before + seen.after).toBe(12);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);

  // `club leave` killed at each step and at random moments, finished or undone by the next club validate: test/hostile/kill-loop.test.ts.
});
