import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git } from '../helpers/git-repo.js';
import { packedTarball } from '../helpers/packed.js';
import { runCli } from '../helpers/run-cli.js';

interface Step {
  uses?: string;
  name?: string;
  run?: string;
}

/**
 * `club init` makes a repository whose CI runs: the workflow's own `run:` steps, in a fresh
 * clone of the new repository, the way GitHub Actions runs them (bash -e -o pipefail), with
 * only Node and the system on PATH. The steps GitHub provides (checkout, setup-node) are
 * what the clone and this Node already are.
 */
describe('the workflow club init writes', () => {
  let work = '';
  let clone = '';
  let steps: Step[] = [];
  const env = () => ({
    PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
    HOME: process.env.HOME ?? work, // the npm cache that `npm ci` filled
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    npm_config_prefer_offline: 'true',
  });
  const runStep = (step: Step) => spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: clone, env: env(), encoding: 'utf8' });

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'club-init-ci-'));
    // The club the new repository installs: this one, packed (as a release would be).
    const tarball = packedTarball();
    const init = await runCli(['init', 'beijing', '--name', 'Club of Customs Diplomats', '--founded', '2009', '--country', 'CN', '--city', 'Beijing',
      '--timezone', 'Asia/Shanghai', '--install-from', `file:${tarball}`, '--no-input'], { cwd: work });
    expect(init.code, init.stderr).toBe(0);
    const origin = path.join(work, 'beijing');
    git(origin, 'init', '-q', '-b', 'main');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-q', '-m', 'A new club');
    clone = path.join(work, 'clone');
    git(work, 'clone', '-q', origin, clone);
    steps = (parse(readFileSync(path.join(clone, '.github/workflows/validate-data.yml'), 'utf8')) as { jobs: { validate: { steps: Step[] } } }).jobs.validate.steps;
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('needs from GitHub only the checkout and a Node', () => {
    expect(steps.filter((s) => s.uses).map((s) => s.uses!.split('@')[0])).toEqual(['actions/checkout', 'actions/setup-node']);
    expect(steps.filter((s) => s.run).length).toBeGreaterThanOrEqual(2);
    // Never a registry package that happens to be called club.
    for (const s of steps) if (s.run?.includes('npx')) expect(s.run).toMatch(/npx --no /);
  });

  it('passes in a fresh clone, and then fails on a broken record with an annotation', () => {
    const results = steps.filter((s) => s.run).map((step) => {
      const result = runStep(step);
      expect(result.status, `${step.name ?? step.run}\n${result.stdout}${result.stderr}`).toBe(0);
      return result;
    });
    const check = steps.filter((s) => s.run).at(-1)!;
    expect(results.at(-1)!.stdout).toContain('0 errors');

    writeFileSync(path.join(clone, 'data/members/li-wei.yaml'), 'name: Li Wei\ncountry: XX\n');
    const broken = runStep(check);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^::error file=data\/members\/li-wei\.yaml,line=\d+,col=\d+/m);
  });
});
