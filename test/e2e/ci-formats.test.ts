import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { baseTree, member } from '../helpers/club-tree.js';
import { testdir, type Tree } from '../helpers/testdir.js';

// ajv-draft-04 is CommonJS; its class is module.exports.
const Ajv04 = createRequire(import.meta.url)('ajv-draft-04') as typeof import('ajv-draft-04').default;
// ajv's standalone code writer, CommonJS too.
const standaloneCode = (createRequire(import.meta.url)('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js')).default;

const BROKEN = path.join(ROOT, 'test/fixtures/broken');
const run = (format: string, extra: string[] = []) => runCli(['validate', '--data', 'data', '--as-of', '2020-01-15', '--format', format, ...extra], { cwd: BROKEN });

describe('validate --format sarif', () => {
  it('writes a SARIF 2.1.0 log that validates against the SARIF schema, a result per diagnostic', async () => {
    const sarif = await run('sarif');
    const json = await run('json');
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const diagnostics = JSON.parse(json.stdout).diagnostics as { code: string; file: string; line: number; column: number }[];
    const results = log.runs[0].results as { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
    expect(results.map((r) => [r.ruleId, decodeURI(r.locations[0]!.physicalLocation.artifactLocation.uri), r.locations[0]!.physicalLocation.region.startLine, r.locations[0]!.physicalLocation.region.startColumn]))
      .toEqual(diagnostics.map((d) => [d.code, d.file, d.line, d.column]));
    for (const r of results) expect(log.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });
});

/**
 * The OASIS SARIF 2.1.0 schema (as @microsoft/jest-sarif ships it), with its formats checked: `uri-reference` too.
 * ajv compiles it to code (most of this file's CPU, ~0.4 s), kept as a file in .vitest-cache/ (ajv's standalone
 * code, which is what the compiled validator runs) named by the schema, the options, the ajv, ajv-draft-04 and
 * ajv-formats versions and the text of the function that makes it: the next run requires it instead (~15 ms). Every run validates with that file's function,
 * the first one too. Both SARIF tests use it.
 */
let sarifValidate: ValidateFunction | undefined;
function sarifValidator(): ValidateFunction {
  if (sarifValidate !== undefined) return sarifValidate;
  const require = createRequire(import.meta.url);
  const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  // The SARIF schema has a pattern that is not valid with the u flag.
  const options = { allErrors: true, strict: false, unicodeRegExp: false };
  const versions = ['ajv', 'ajv-draft-04', 'ajv-formats'].map((name) => (require(`${name}/package.json`) as { version: string }).version);
  // This function's own text is in the key too: a change to how the code is made (its formats, addFormats) is a new file.
  const key = createHash('sha256').update(JSON.stringify([readFileSync(schemaFile, 'utf8'), options, versions, sarifValidator.toString()])).digest('hex').slice(0, 24);
  const cached = path.join(ROOT, '.vitest-cache', `sarif-2.1.0-validator-${key}.cjs`);
  if (!existsSync(cached)) {
    const ajv = new Ajv04({ ...options, code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
    (addFormats as unknown as (a: unknown) => void)(ajv);
    const code = standaloneCode(ajv, ajv.compile(require(schemaFile) as object));
    mkdirSync(path.dirname(cached), { recursive: true });
    const temporary = `${cached}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, cached);
  }
  return (sarifValidate = require(cached) as ValidateFunction);
}

// File names that are not ids (so each gets a diagnostic) with the characters a URI gives a meaning to.
const ODD_NAMES = ['a#b', 'c?d', 'e f', 'ж', '100%', 'x:y', 'p[1]'];
function oddFolder(): string {
  const tree: Tree = {};
  for (const [name, content] of Object.entries(baseTree())) tree[`data/${name}`] = content;
  for (const name of ODD_NAMES) tree[`data/members/${name}.yaml`] = member({ name: 'Odd O.' });
  return testdir(tree);
}

describe('validate --format sarif: file names a URI would misread', () => {
  it('gives each file a uri that is a valid URI reference (schema formats checked) and resolves back to the path', async () => {
    const dir = oddFolder();
    const run = await runCli(['validate', '--data', 'data', '--as-of', '2020-01-15', '--format', 'sarif'], { cwd: dir });
    const log = JSON.parse(run.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const uris = (log.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[])
      .map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    for (const name of ODD_NAMES) {
      const file = `data/members/${name}.yaml`;
      const uri = uris.find((u) => decodeURIComponent(u) === file);
      expect(uri, file).toBeDefined();
      expect(uri).not.toMatch(/[#? \[\]]|%(?![0-9A-F]{2})|^[^/]*:/); // no fragment, no query, no scheme, no raw space or bracket
      const resolved = new URL(uri!, 'file:///x/');
      expect([resolved.protocol, resolved.search, resolved.hash]).toEqual(['file:', '', '']);
      expect(decodeURIComponent(resolved.pathname)).toBe(`/x/${file}`);
    }
    expect(uris).toContain('data/members/a%23b.yaml');
    expect(uris).toContain('data/members/%D0%B6.yaml');
  }, 60_000); // on a first run (no .vitest-cache/ file yet) compiling the SARIF schema takes seconds on a busy machine
});

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint) console.warn('ci-formats.test: skipping the junit-10.xsd checks: xmllint is not installed (apt-get install libxml2-utils; .ci/run does)');
const JUNIT_XSD = path.join(ROOT, 'test/xsd/junit-10.xsd');

/** xmllint's verdict on an XML text against Jenkins' junit-10.xsd. */
function xmllint(text: string): { status: number | null; stderr: string } {
  const file = path.join(testdir({}), 'report.xml');
  writeFileSync(file, text);
  const run = spawnSync('xmllint', ['--noout', '--schema', JUNIT_XSD, file], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

describe.skipIf(!hasXmllint)('validate --format junit against Jenkins\' junit-10.xsd (xmllint)', () => {
  it('the schema is live: a report with testcase/@file, as club wrote it before, fails it', () => {
    const old = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="members" tests="1" failures="0" errors="0">'
      + '<testcase classname="members" name="data/members/a.yaml" file="data/members/a.yaml"></testcase></testsuite></testsuites>\n';
    const verdict = xmllint(old);
    expect(verdict.status).not.toBe(0);
    expect(verdict.stderr).toContain("attribute 'file' is not allowed");
  });

  it('validates for the broken fixture, with --strict, and for file names with odd characters; the path is in name', async () => {
    const odd = oddFolder();
    for (const [args, cwd] of [[[], BROKEN], [['--strict'], BROKEN], [[], odd]] as const) {
      const report = await runCli(['validate', '--data', 'data', '--as-of', '2020-01-15', '--format', 'junit', ...args], { cwd });
      expect(report.code).toBe(1);
      const verdict = xmllint(report.stdout);
      expect(verdict.stderr).toMatch(/validates\n$/);
      expect(verdict.status).toBe(0);
    }
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' })
      .parse((await runCli(['validate', '--data', 'data', '--as-of', '2020-01-15', '--format', 'junit'], { cwd: odd })).stdout);
    const cases = ([doc.testsuites.testsuite].flat() as { testcase: unknown }[]).flatMap((s) => [s.testcase].flat()) as { name: string; classname: string }[];
    expect(cases.filter((c) => c.classname === 'members').map((c) => c.name)).toEqual(expect.arrayContaining(ODD_NAMES.map((n) => `data/members/${n}.yaml`)));
  });
});

describe('validate --format junit', () => {
  it('writes JUnit XML that parses, with one test case per record and a failure per record with errors', async () => {
    const junit = await run('junit');
    expect(junit.code).toBe(1);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junit.stdout);
    const suites = [doc.testsuites.testsuite].flat() as { name: string; testcase: unknown }[];
    const cases = suites.flatMap((s) => [s.testcase].flat()) as { name: string; failure?: unknown }[];
    expect(cases.map((c) => c.name).sort()).toEqual([
      'data/club.yaml', 'data/meetings/2019-06-20-moscow.yaml', 'data/meetings/2019-09-10-pskov.yaml', 'data/members/Bad Name.yaml',
      'data/members/broken-indent.yaml', 'data/members/ivanov-i-i.yaml', 'data/members/li-wei.yaml', 'data/members/not-utf8.yaml',
      'data/members/petrov-p-p.yaml', 'data/officers/chairman-ivanov-i-i.yaml', 'data/officers/chairman-ivanov-ii.yaml', 'data/publications/customs-2019-06.yaml',
    ]);
    expect(suites.map((s) => s.name).sort()).toEqual(['club', 'meetings', 'members', 'officers', 'publications']);
    const failed = cases.filter((c) => c.failure !== undefined).map((c) => c.name);
    expect(failed).toContain('data/members/li-wei.yaml');
    expect(failed).not.toContain('data/members/ivanov-i-i.yaml');
    expect(failed).not.toContain('data/publications/customs-2019-06.yaml'); // a warning only
    expect(Number(doc.testsuites.failures)).toBe(failed.length);
  });
  it('counts warnings as failures with --strict', async () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse((await run('junit', ['--strict'])).stdout);
    const cases = ([doc.testsuites.testsuite].flat() as { testcase: unknown }[]).flatMap((s) => [s.testcase].flat()) as { name: string; failure?: unknown }[];
    expect(cases.find((c) => c.name === 'data/publications/customs-2019-06.yaml')?.failure).toBeDefined();
  });
});
