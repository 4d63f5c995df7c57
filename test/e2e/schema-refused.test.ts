import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

// In club's own clone anyone may edit schemas/: validate then compiles them at run time (the build's
// validators no longer match), and a schema ajv refuses, or one that is not JSON, is a broken setup.
describe('a schema of club\'s own that cannot be used', () => {
  /** A copy of the built package (its dependencies linked) whose schema `file` is changed by `edit`. */
  function packageWith(file: string, edit: (text: string) => string): string {
    const copy = testdir({});
    // As npm installs it: without the type declarations (package.json "files"), half of .build's files.
    for (const part of ['bin', '.build', 'schemas', 'package.json']) cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true, filter: (file) => !file.endsWith('.d.ts') && !file.endsWith('.tmp') }); // .tmp: a code cache bin/club is writing
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    const target = path.join(copy, 'schemas', file);
    writeFileSync(target, edit(readFileSync(target, 'utf8')));
    return copy;
  }
  const validate = (root: string) => spawnSync(process.execPath, [path.join(root, 'bin/club'), 'validate', '--data', path.join(ROOT, 'data')],
    { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CLUB_TODAY: '2020-01-01', NO_COLOR: '1' } });
  const noTrace = (stderr: string) => {
    expect(stderr).not.toMatch(/internal error|please report|\n\s+at /);
  };

  it('a keyword strict mode refuses (`maxLength` with no `type`): the file and the place in it, exit 3', () => {
    const copy = packageWith('member.schema.json', (t) => {
      const doc = JSON.parse(t) as { properties: { name: Record<string, unknown> } };
      doc.properties.name = { ...doc.properties.name, maxLength: 3 };
      delete doc.properties.name.type;
      return JSON.stringify(doc, null, 2);
    });
    const run = validate(copy);
    noTrace(run.stderr);
    expect(run.stderr).toContain(`the schema ${path.join(copy, 'schemas', 'member.schema.json')} cannot be used at #/properties/name: missing type "string" for keyword "maxLength"`);
    expect(run.stderr).toContain('add `"type": "string"` beside `maxLength` at #/properties/name (`git diff -- schemas/`');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(3);
  });
  it('an unknown keyword in defs: defs.schema.json and the keyword\'s place', () => {
    const copy = packageWith('defs.schema.json', (t) => {
      const doc = JSON.parse(t) as { $defs: { country: Record<string, unknown> } };
      doc.$defs.country.colour = 'red';
      return JSON.stringify(doc, null, 2);
    });
    const run = validate(copy);
    noTrace(run.stderr);
    expect(run.stderr).toContain(`the schema ${path.join(copy, 'schemas', 'defs.schema.json')} cannot be used at #/$defs/country/colour: unknown keyword: "colour"`);
    expect(run.status).toBe(3);
  });
  it('a schema file that is not JSON: the file, line and column, exit 3', () => {
    const copy = packageWith('member.schema.json', (t) => t.replace('"properties": {', '"properties": {,'));
    const line = readFileSync(path.join(ROOT, 'schemas/member.schema.json'), 'utf8').split('\n').findIndex((l) => l.includes('"properties": {')) + 1;
    const run = validate(copy);
    noTrace(run.stderr);
    expect(run.stderr).toMatch(new RegExp(`the schema ${path.join(copy, 'schemas', 'member.schema.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${line}:18 is not valid JSON: `));
    expect(run.status).toBe(3);
  });
  it('a schema edited in a way ajv accepts: compiled at run time, validate answers as before', () => {
    const copy = packageWith('member.schema.json', (t) => t.replace('"properties": {', '"properties": {\n    "x_unused": { "type": "string" },'));
    const run = validate(copy);
    const before = validate(ROOT);
    expect([run.stdout, run.status]).toEqual([before.stdout, before.status]);
    expect(run.status).toBe(0);
  });
});
