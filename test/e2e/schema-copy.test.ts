import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSchemaLine, isMachineOnlySchema, replaceSchemaLine } from '../../src/parse/schema-line.js';
import { baseTree } from '../helpers/club-tree.js';
import { git } from '../helpers/git-repo.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const member = (schemaLine: string, name: string, eol = '\n') =>
  [schemaLine, `name: ${name}`, 'country: RU', 'category: customs', 'division: moscow', 'joined: 2014', ''].join(eol);

/** A repository made by an installed club before repositories had their own schemas/: records name the install. */
function oldRepo(): string {
  const tree = Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`data/${k}`, v]));
  tree['data/club.yaml'] = `# yaml-language-server: $schema=/usr/lib/node_modules/club/schemas/club.schema.json\n${tree['data/club.yaml']}`;
  tree['data/members/absolute-a.yaml'] = member('# yaml-language-server: $schema=/usr/lib/node_modules/club/schemas/member.schema.json', 'Absolute A.');
  // What an installed club wrote: a path relative from the record, leading out of the repository into the install.
  tree['data/members/relative-r.yaml'] = member('# yaml-language-server: $schema=../../../../../usr/lib/node_modules/club/schemas/member.schema.json', 'Relative R.', '\r\n');
  tree['data/members/copy-c.yaml'] = member('# yaml-language-server: $schema=../../schemas/member.schema.json', 'Copy C.');
  tree['data/members/web-w.yaml'] = member('# yaml-language-server: $schema=https://example.org/member.schema.json', 'Web W.');
  const repo = testdir(tree);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'Records of an installed club');
  return repo;
}

describe('records whose $schema line names the installed club', () => {
  it('club schemas says so; club schemas --write makes the copy and rewrites only those lines, one line a file, and says which', async () => {
    const repo = oldRepo();
    const before = (f: string) => readFileSync(path.join(repo, f), 'utf8');
    const copyText = before('data/members/copy-c.yaml');
    const webText = before('data/members/web-w.yaml');

    const listed = await runCli(['schemas'], { cwd: repo });
    expect(listed.code).toBe(0);
    expect(listed.stderr).toContain('note: 3 records name a schema outside this repository in its $schema line (data/club.yaml: /usr/lib/node_modules/club/schemas/club.schema.json), which only the machine that wrote it has; run `club schemas --write` to make them name the repository\'s copy\n');

    const write = await runCli(['schemas', '--write'], { cwd: repo });
    expect(write.code).toBe(0);
    expect(write.stderr.split('\n').filter((l) => l.startsWith('updated '))).toEqual([
      'updated data/club.yaml ($schema was /usr/lib/node_modules/club/schemas/club.schema.json)',
      'updated data/members/absolute-a.yaml ($schema was /usr/lib/node_modules/club/schemas/member.schema.json)',
      'updated data/members/relative-r.yaml ($schema was ../../../../../usr/lib/node_modules/club/schemas/member.schema.json)',
    ]);
    expect(write.stderr).toContain('next: git add schemas data/club.yaml data/members/absolute-a.yaml data/members/relative-r.yaml;');
    expect(before('data/club.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/club.schema.json');
    expect(before('data/members/absolute-a.yaml')).toBe(member('# yaml-language-server: $schema=../../schemas/member.schema.json', 'Absolute A.'));
    // The file's own line breaks stay.
    expect(before('data/members/relative-r.yaml')).toBe(member('# yaml-language-server: $schema=../../schemas/member.schema.json', 'Relative R.', '\r\n'));
    expect(before('data/members/copy-c.yaml')).toBe(copyText);
    expect(before('data/members/web-w.yaml')).toBe(webText);
    // git sees one line changed in each rewritten record, nothing else.
    expect(git(repo, 'diff', '--numstat').trim().split('\n').sort()).toEqual([
      '1\t1\tdata/club.yaml', '1\t1\tdata/members/absolute-a.yaml', '1\t1\tdata/members/relative-r.yaml']);
    expect((await runCli(['validate'], { cwd: repo })).code).toBe(0);

    // Done once: a second run changes no record, and club schemas has nothing more to say.
    const again = await runCli(['schemas', '--write'], { cwd: repo });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('schemas/ is up to date: its schemas are this club\'s\n');
    expect((await runCli(['schemas'], { cwd: repo })).stderr).toBe('');
  });

  it('in club\'s own clone, --write copies nothing and the shipped records already name schemas/ by relative path', async () => {
    const own = await runCli(['schemas', '--write']);
    expect(own.code).toBe(0);
    expect(own.stderr).toBe("schemas are club's own schemas; nothing to copy\n");
  });

  it('finds the line and tells the machine-only schemas from those every clone has', () => {
    const text = '# a comment\n# yaml-language-server: $schema=/opt/club/schemas/member.schema.json\r\nname: A\n';
    const found = findSchemaLine(text)!;
    expect(found).toMatchObject({ line: 2, value: '/opt/club/schemas/member.schema.json' });
    expect(replaceSchemaLine(text, found, '../../schemas/member.schema.json')).toBe('# a comment\n# yaml-language-server: $schema=../../schemas/member.schema.json\r\nname: A\n');
    expect(findSchemaLine('name: A\n')).toBeUndefined();
    const folder = '/repo/data/members';
    expect(isMachineOnlySchema('/opt/club/schemas/member.schema.json', folder, '/repo')).toBe(true);
    expect(isMachineOnlySchema('C:/Users/s/AppData/Roaming/npm/node_modules/club/schemas/member.schema.json', folder, '/repo')).toBe(true);
    expect(isMachineOnlySchema('file:///opt/club/schemas/member.schema.json', folder, '/repo')).toBe(true);
    expect(isMachineOnlySchema('../../../usr/lib/node_modules/club/schemas/member.schema.json', folder, '/repo')).toBe(true);
    expect(isMachineOnlySchema('../../schemas/member.schema.json', folder, '/repo')).toBe(false);
    expect(isMachineOnlySchema('https://example.org/member.schema.json', folder, '/repo')).toBe(false);
  });
});

describe('club schemas where there is no data folder', () => {
  it('lists the schemas as before (exit 0); --write refuses before writing anything (exit 3)', async () => {
    const dir = testdir({});
    const listed = await runCli(['schemas'], { cwd: dir });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.split('\n')).toContain(path.join(ROOT, 'schemas', 'member.schema.json'));
    expect(listed.stderr).toBe('');
    const write = await runCli(['schemas', '--write'], { cwd: dir });
    expect(write.code).toBe(3);
    expect(write.stderr).toBe('club: no data folder at data (chosen by working directory)\n  hint: pass --data <folder>, set CLUB_DATA, or run `club init` to make one\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a repository whose schemas/ copy is not the installed club\'s', () => {
  it('validate and club schemas name `club schemas --write`; once refreshed, nothing is said', async () => {
    const repo = testdir(Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`data/${k}`, v])));
    cpSync(path.join(ROOT, 'schemas'), path.join(repo, 'schemas'), { recursive: true });
    // Up to date: no note on any run.
    const fresh = await runCli(['validate'], { cwd: repo });
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).not.toContain('note:');
    // As after upgrading club: the copy is the old club's.
    writeFileSync(path.join(repo, 'schemas/member.schema.json'), '{"title": "an older club\'s member"}\n');
    const note = 'note: schemas/ differs from this club\'s schemas (member.schema.json), so editors check records against other schemas than club validate; run `club schemas --write` to refresh it (after upgrading club), then commit it\n';
    const stale = await runCli(['validate'], { cwd: repo });
    expect(stale.code).toBe(0);
    expect(stale.stderr.endsWith(note)).toBe(true);
    // Named relative to where club runs; with --format json, stdout stays one JSON document.
    const json = await runCli(['validate', '--format', 'json', '--data', '.'], { cwd: path.join(repo, 'data') });
    expect(JSON.parse(json.stdout).summary.errors).toBe(0);
    expect(json.stderr).toContain('note: ../schemas/ differs from this club\'s schemas (member.schema.json)');
    expect((await runCli(['schemas'], { cwd: repo })).stderr).toBe(note);
    // A new record names the copy: the command that wrote it says the copy is stale too.
    const added = await runCli(['add-member', '--name', 'New N.', '--country', 'FI', '--category', 'embassy', '--division', 'moscow', '--joined', '2019', '--no-input'], { cwd: repo });
    expect(added.code).toBe(0);
    expect(added.stderr).toContain(note);
    expect((await runCli(['schemas', '--write'], { cwd: repo })).stderr).toContain("replaced schemas/member.schema.json (it differed from club's)\n");
    expect((await runCli(['validate'], { cwd: repo })).stderr).not.toContain('note:');
  });
});
