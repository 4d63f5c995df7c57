import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clubRepo, git } from '../helpers/git-repo.js';
import { CLUB, runClub } from '../helpers/run-cli.js';

const ENV = { CLUB_TODAY: '2020-01-15' };
const ROWS = 200;
const ARGS = ['import', 'members', 'big.csv', '--default', 'division=moscow', '--default', 'category=customs', '--no-input'];

/**
 * Starts the import and kills it with SIGKILL once the folder shows the moment asked for
 * (its first temporary file, or the journal that decides the change), `delay` ms after.
 */
function killAt(cwd: string, moment: 'temp' | 'journal', delay: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLUB, ...ARGS], { cwd, stdio: 'ignore', env: { PATH: process.env.PATH ?? '', ...ENV } });
    let seen = false;
    const poll = setInterval(() => {
      const data = path.join(cwd, 'data');
      const names = moment === 'journal' ? readdirSync(data) : (() => { try { return readdirSync(path.join(data, 'members')); } catch { return []; } })();
      if (names.some((n) => (moment === 'journal' ? n === '.club-journal' : n.includes('.club-tx-')))) {
        seen = true;
        clearInterval(poll);
        setTimeout(() => child.kill('SIGKILL'), delay);
      }
    }, 2);
    child.on('exit', () => {
      clearInterval(poll);
      resolve(seen);
    });
  });
}

const imported = (repo: string) => readdirSync(path.join(repo, 'data/members')).filter((n) => n.startsWith('crash-')).length;

describe('an import killed with SIGKILL at moments spread over its run', () => {
  it('leaves none or all of its 200 rows in the folder, and the folder valid', async () => {
    const repo = clubRepo();
    writeFileSync(path.join(repo, 'big.csv'), `Name,Country,Joined\n${Array.from({ length: ROWS }, (_, i) => `Crash ${i}.,RU,01.02.2019\n`).join('')}`);
    git(repo, 'add', 'big.csv');
    git(repo, 'commit', '-qm', 'The sheet');

    // A whole import first: it works, and takes this long here.
    const started = Date.now();
    const whole = await runClub(ARGS, { cwd: repo, env: ENV });
    const full = Date.now() - started;
    expect(whole.code, whole.stderr).toBe(0);
    expect(imported(repo)).toBe(ROWS);

    const RUNS = 8;
    const outcomes: number[] = [];
    const atKill0: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      git(repo, 'checkout', '-q', '--', 'data');
      git(repo, 'clean', '-fdxq', 'data');
      expect(imported(repo)).toBe(0);
      // While the temporary files are written (nothing decided: none must stay), and once the journal is there (all must come).
      const moment = i % 2 === 0 ? 'temp' : 'journal';
      const caught = await killAt(repo, moment, Math.random() * (moment === 'temp' ? 200 : 30));
      expect(caught, `run ${i}: the import got to its ${moment} files`).toBe(true);
      const atKill = imported(repo);
      // The next command finishes a change the journal says was decided, or leaves none of it.
      const check = await runClub(['validate', '--format', 'json'], { cwd: repo, env: ENV });
      const n = imported(repo);
      outcomes.push(n);
      atKill0.push(atKill);
      expect([0, ROWS], `run ${i}: ${n} of ${ROWS} rows in the folder`).toContain(n);
      expect(check.code, check.stderr).toBe(0);
      for (const name of readdirSync(path.join(repo, 'data/members'))) expect(name.endsWith('.yaml'), name).toBe(true);
    }
    console.log(`import killed ${RUNS} times (a whole one takes ${full} ms): rows in place when killed ${atKill0.join(', ')}; after the next command ${outcomes.join(', ')}`);
  }, 600_000); // 9 imports of 200 rows and 8 validations: past the suite's 60 s on a loaded machine
});
