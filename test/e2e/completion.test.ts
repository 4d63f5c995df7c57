import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { completionScript } from '../../src/cli/completion.js';
import { CLUB, ROOT, runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const complete = async (...words: string[]) => (await runCli(['__complete', '--', ...words])).stdout.split('\n').filter(Boolean);

describe('completion', () => {
  it('completes commands, flags, flag values, collections and record ids from the data folder', async () => {
    expect(await complete('li')).toEqual(['list']);
    expect(await complete('list', '')).toEqual(['meetings', 'members', 'officers', 'publications']);
    expect(await complete('show', 'kon')).toEqual(['konovalenko-s-a']);
    expect(await complete('validate', '--f')).toEqual(['--format']);
    expect(await complete('validate', '--format', '')).toEqual(['github', 'json', 'junit', 'sarif', 'text']);
    expect(await complete('appoint', '')).toEqual(['chairman', 'secretary']);
    expect(await complete('appoint', 'chairman', 'v')).toEqual(['vasiltsov-d-v']);
    expect(await complete('roster', '--division', '')).toEqual(['moscow', 'saint-petersburg']);
    expect(await complete('')).toContain('add-member');
    expect(await complete('')).not.toContain('__complete');
  });

  it('offers ids only: a file name that is not an id is never a candidate', async () => {
    const data = testdir({
      'club.yaml': 'name: X\n',
      'members/konovalenko-s-a.yaml': 'name: K\n',
      'members/konovalenko$(touch x).yaml': 'name: K\n',
      'members/konovalenko-\u001b]0;owned\u0007.yaml': 'name: K\n',
      'members/Konovalenko.yaml': 'name: K\n',
    });
    const run = await runCli(['__complete', '--', '--data', data, 'show', 'kon']);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual(['konovalenko-s-a']);
  });

  it('completes after global options and their values', async () => {
    const data = testdir({ 'club.yaml': 'name: X\n', 'members/konovalenko-s-a.yaml': 'name: K\n', 'members/li-wei.yaml': 'name: L\n' });
    const words = async (...w: string[]) => (await runCli(['__complete', '--', ...w])).stdout.split('\n').filter(Boolean);
    expect(await words('--data', data, 'show', '')).toEqual(['konovalenko-s-a', 'li-wei']);
    expect(await words(`--data=${data}`, 'show', 'k')).toEqual(['konovalenko-s-a']);
    expect(await words('--as-of', '2019-12-31', 'show', 'kon')).toEqual(['konovalenko-s-a']);
    expect(await words('--no-color', '--as-of', '2019-12-31', 'li')).toEqual(['list']);
    expect(await words('--as-of', '2019-12-31', 'list', '')).toEqual(['meetings', 'members', 'officers', 'publications']);
  });

  it('the bash script completes in a real bash, with club on PATH', async () => {
    const bin = testdir({});
    const wrapper = path.join(bin, 'club');
    writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${CLUB}" "$@"\n`);
    chmodSync(wrapper, 0o755);
    const script = (await runCli(['completion', 'bash'])).stdout; // the same script bin/club prints: node and bin/club, by their paths
    const out = execFileSync('bash', ['-c', `${script}\nCOMP_WORDS=(club show kon); COMP_CWORD=2; _club_complete; printf '%s\\n' "\${COMPREPLY[@]}"`],
      { cwd: ROOT, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}` } });
    expect(out.trim()).toBe('konovalenko-s-a');
  });

  it('the bash script completes with club nowhere on PATH: it calls the club it was made from', async () => {
    const script = (await runCli(['completion', 'bash'])).stdout; // the same script bin/club prints: node and bin/club, by their paths
    expect(script).toContain(`'${CLUB}' __complete`);
    const out = execFileSync('/bin/bash', ['-c', `${script}\ncommand -v club && exit 9\nCOMP_WORDS=(club show kon); COMP_CWORD=2; _club_complete; printf '%s\\n' "\${COMPREPLY[@]}"`],
      { cwd: ROOT, encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    expect(out.trim()).toBe('konovalenko-s-a');
  });

  it('quotes the paths it calls, whatever they hold', () => {
    // A Node under a folder with a space, a quote and a dollar in its name.
    const dir = path.join(testdir({}), "o'dd $dir");
    mkdirSync(dir);
    const node = path.join(dir, 'node');
    symlinkSync(process.execPath, node);
    const script = completionScript('bash', [node, CLUB]);
    const out = execFileSync('/bin/bash', ['-c', `${script}\nCOMP_WORDS=(club list m); COMP_CWORD=2; _club_complete; printf '%s\\n' "\${COMPREPLY[@]}"`],
      { cwd: ROOT, encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    expect(out.trim().split('\n')).toEqual(['meetings', 'members']);
    expect(completionScript('fish', [node, CLUB])).toContain(`'${dir.replace("'", "\\'")}/node' '${CLUB}' __complete`);
  });

  it('prints scripts for zsh and fish, and refuses other shells', async () => {
    expect((await runCli(['completion', 'zsh'])).stdout).toContain('compdef _club_complete club');
    expect((await runCli(['completion', 'fish'])).stdout).toContain('complete -c club');
    expect((await runCli(['completion', 'tcsh'])).code).toBe(2);
  });
});
