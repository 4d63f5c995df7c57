import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseTree, CLUB_YAML, member } from '../helpers/club-tree.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');

describe('names and countries found in any script (built CLI)', () => {
  it('list --where country=Россия and country=russia give the same members', async () => {
    const [ru, en] = await Promise.all(['country=Россия', 'country=russia'].map((w) => runCli(['list', 'members', '--data', RICH, '--where', w, '--format', 'json'])));
    for (const run of [ru!, en!]) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    const ids = (JSON.parse(ru!.stdout) as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual(['anisimov-b', 'ivanov-i-i', 'petrova-a-s']);
    expect(JSON.parse(en!.stdout)).toEqual(JSON.parse(ru!.stdout));
  });
  it('a country that is no code or name warns on stderr with did-you-mean, and exits 0 with no rows', async () => {
    const run = await runCli(['list', 'members', '--data', RICH, '--where', 'country=Росия', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('[]\n');
    expect(run.stderr).toBe('club: warning: --where country=Росия: no country has the code or name `Росия`; did you mean `RU` (Russia)?\n');
  });
  it('show finds a member by the native name, and suggests by a misspelt one', async () => {
    const run = await runCli(['show', 'иванов', '--data', RICH]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('member ivanov-i-i  (test/fixtures/rich/data/members/ivanov-i-i.yaml)');
    const miss = await runCli(['show', 'Иванв', '--data', RICH]);
    expect(miss.code).toBe(2);
    expect(miss.stderr).toContain('did you mean `ivanov-i-i` (Иванов)?');
  });
  it('appoint names the member meant by a name in another script', async () => {
    const dir = testdir({ ...baseTree(), 'members/petrov-p-p.yaml': `${member({ name: 'Petrov P.P.', joined: '2016-03-01' })}name_native: Петров П.П.\n` });
    const run = await runCli(['appoint', 'chairman', 'петров', '--from', '2020-01-01', '--no-input', '--data', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no member has the id or name `петров`');
    expect(run.stderr).toContain('did you mean `petrov-p-p`?');
  });
});

describe('a Chinese name typed in Cyrillic as Russian writes it (Palladius) finds the member stored in Pinyin and characters', () => {
  const CLUB_CN = CLUB_YAML.replace('  - country: DE\n', '  - country: CN\n    since: 2002-12\n  - country: DE\n');
  const ZHANG = member({ name: 'Zhang Wei', country: 'CN', category: 'embassy' }) + 'name_native: 张伟\n';
  const folder = () => testdir({ ...baseTree(), 'club.yaml': CLUB_CN, 'members/zhang-wei.yaml': ZHANG });

  it('show Чжан and show "Чжан Вэй" show zhang-wei, as show zhang and show 张 do; list --where name~Чжан (and ~Вэй) lists it', async () => {
    const dir = folder();
    for (const query of ['Чжан', 'Чжан Вэй', 'zhang', '张']) {
      const run = await runCli(['show', query, '--data', dir]);
      expect(run.code, `${query}: ${run.stderr}`).toBe(0);
      expect(run.stdout.split('\n')[0]).toMatch(/^member zhang-wei {2}\(/);
    }
    for (const where of ['name~Чжан', 'name~Вэй', 'name~чжан вэй']) {
      const run = await runCli(['list', 'members', '--data', dir, '--where', where, '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      expect((JSON.parse(run.stdout) as { id: string }[]).map((r) => r.id)).toEqual(['zhang-wei']);
    }
  });

  it('a command that writes answers it with the member meant (exit 2) and writes nothing: a whole name only once read as Palladius, or a part', async () => {
    const dir = folder();
    const whole = await runCli(['set', 'Чжан Вэй', 'title=Counsellor', '--no-input', '--data', dir]);
    expect(whole.code).toBe(2);
    expect(whole.stderr).toContain('no member has the id or name `Чжан Вэй` as it is written');
    expect(whole.stderr).toContain('did you mean `zhang-wei` (Zhang Wei / 张伟)? (`Чжан Вэй` matches only when transliterated');
    const part = await runCli(['set', 'Чжан', 'title=Counsellor', '--no-input', '--data', dir]);
    expect(part.code).toBe(2);
    expect(part.stderr).toContain('no member has the id or name `Чжан`');
    expect(part.stderr).toContain('did you mean `zhang-wei`?');
    expect(readFileSync(path.join(dir, 'members/zhang-wei.yaml'), 'utf8')).toBe(ZHANG);
  });
});
