import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { snapshot } from '../helpers/git-repo.js';
import { ROOT, runCli, runClub } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const BEIJING = ['init', 'beijing', '--name', 'Club of Customs Diplomats', '--founded', '2009', '--country', 'CN', '--city', 'Beijing', '--timezone', 'Asia/Shanghai', '--no-input'];

describe('club init', () => {
  it('makes a data folder that validates, with the workflow and the editor settings', async () => {
    const dir = testdir({});
    const run = await runClub(BEIJING, { cwd: dir });
    expect(run.code).toBe(0);
    const repo = path.join(dir, 'beijing');
    for (const f of ['data/club.yaml', 'data/members/.gitkeep', 'data/officers/.gitkeep', 'data/meetings/.gitkeep', 'data/publications/.gitkeep',
      'package.json', '.gitignore', '.github/workflows/validate-data.yml', '.vscode/settings.json']) {
      expect(existsSync(path.join(repo, f)), f).toBe(true);
    }
    const club = parse(readFileSync(path.join(repo, 'data/club.yaml'), 'utf8'));
    expect(club).toMatchObject({ name: 'Club of Customs Diplomats', founded: '2009', timezone: 'Asia/Shanghai', member_countries: [{ country: 'CN', since: '2009' }] });
    const check = await runClub(['validate', '--format', 'json'], { cwd: repo });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).summary.errors).toBe(0);
    const settings = JSON.parse(readFileSync(path.join(repo, '.vscode/settings.json'), 'utf8'));
    expect(Object.values(settings['yaml.schemas'])).toEqual(['data/club.yaml', 'data/members/*.yaml', 'data/officers/*.yaml', 'data/meetings/*.yaml', 'data/publications/*.yaml']);
    const workflow = parse(readFileSync(path.join(repo, '.github/workflows/validate-data.yml'), 'utf8'));
    expect(workflow.jobs.validate.steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual(['npm install --no-audit --no-fund', 'npx --no club validate --format github']);
    // A hung step (a hostile file, a stuck install) fails within minutes, not after GitHub's six hours.
    expect(workflow.jobs.validate['timeout-minutes']).toBe(15);
    // The workflow installs club from package.json: by default this very club, by its folder.
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({ club: `file:${ROOT}` });
    expect(run.stderr).toContain(`installs club from file:${ROOT}, which only this machine has`);
    expect(readFileSync(path.join(repo, '.gitignore'), 'utf8')).toBe('node_modules/\n');
  });

  it('refuses to overwrite an existing club, writing nothing', async () => {
    const dir = testdir({});
    expect((await runCli(BEIJING, { cwd: dir })).code).toBe(0);
    const before = snapshot(dir);
    const again = await runCli(BEIJING, { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(snapshot(dir)).toEqual(before);
  });

  it('names every missing flag with --no-input, and refuses bad values, writing nothing', async () => {
    const dir = testdir({});
    const missing = await runCli(['init', 'x', '--name', 'X', '--no-input'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --founded, --country, --city');
    expect((await runCli(['init', 'x', '--name', 'X', '--founded', '2009', '--country', 'ZZ', '--city', 'Y', '--no-input'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['init', 'x', '--name', 'X', '--founded', '2009', '--country', 'CN', '--city', 'Y', '--timezone', 'Mars/Olympus', '--no-input'], { cwd: dir })).code).toBe(2);
    expect(snapshot(dir)).toEqual({});
  });
});

describe('club schemas --editor', () => {
  it('prints the yaml-language-server mapping for the data folder', async () => {
    const run = await runCli(['schemas', '--editor']);
    expect(JSON.parse(run.stdout)['yaml.schemas']).toEqual({
      './schemas/club.schema.json': 'data/club.yaml',
      './schemas/member.schema.json': 'data/members/*.yaml',
      './schemas/officer.schema.json': 'data/officers/*.yaml',
      './schemas/meeting.schema.json': 'data/meetings/*.yaml',
      './schemas/publication.schema.json': 'data/publications/*.yaml',
    });
    expect(readFileSync(path.join(import.meta.dirname, '../../.vscode/settings.json'), 'utf8')).toBe(run.stdout);
  });
});
