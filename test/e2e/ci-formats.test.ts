import { createRequire } from 'node:module';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

// ajv-draft-04 is CommonJS; its class is module.exports.
const Ajv04 = createRequire(import.meta.url)('ajv-draft-04') as typeof import('ajv-draft-04').default;

const BROKEN = path.join(ROOT, 'test/fixtures/broken');
const run = (format: string, extra: string[] = []) => runCli(['validate', '--data', 'data', '--as-of', '2020-01-15', '--format', format, ...extra], { cwd: BROKEN });

describe('validate --format sarif', () => {
  it('writes a SARIF 2.1.0 log that validates against the SARIF schema, a result per diagnostic', async () => {
    const sarif = await run('sarif');
    const json = await run('json');
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout);
    const schema = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }); // the SARIF schema has a pattern that is not valid with the u flag
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const diagnostics = JSON.parse(json.stdout).diagnostics as { code: string; file: string; line: number; column: number }[];
    const results = log.runs[0].results as { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
    expect(results.map((r) => [r.ruleId, decodeURI(r.locations[0]!.physicalLocation.artifactLocation.uri), r.locations[0]!.physicalLocation.region.startLine, r.locations[0]!.physicalLocation.region.startColumn]))
      .toEqual(diagnostics.map((d) => [d.code, d.file, d.line, d.column]));
    for (const r of results) expect(log.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
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
