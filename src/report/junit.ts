import type { Diagnostic } from '../diagnostics/diagnostic.js';

// XML 1.0 allows neither these control characters nor lone surrogates, even escaped.
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function xml(text: string | number): string {
  return String(text).replace(INVALID_XML, '\ufffd')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * A JUnit XML report: a test suite per collection, a test case per record file;
 * a record with errors (or, with `strict`, warnings) is a failure, and its
 * other diagnostics go to system-out.
 */
export function formatJunit(diagnostics: readonly Diagnostic[], files: readonly string[], strict: boolean): string {
  const byFile = new Map<string, Diagnostic[]>();
  // Appended in place: copying the list for each diagnostic made 30,000 of them quadratic.
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const all = [...new Set([...files, ...byFile.keys()])].sort();
  const suiteOf = (file: string) => {
    const folder = file.split('/').slice(-2, -1)[0] ?? '';
    return ['members', 'officers', 'meetings', 'publications'].includes(folder) ? folder : 'club';
  };
  const suites = new Map<string, string[]>();
  for (const f of all) {
    const list = suites.get(suiteOf(f));
    if (list) list.push(f);
    else suites.set(suiteOf(f), [f]);
  }

  const fails = (d: Diagnostic) => d.severity === 'error' || strict;
  const line = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`;
  let totalFailures = 0;
  const body: string[] = [];
  for (const [suite, members] of [...suites.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const cases: string[] = [];
    let failures = 0;
    for (const file of members) {
      const found = byFile.get(file) ?? [];
      const failing = found.filter(fails);
      let inner = '';
      if (failing.length > 0) {
        failures++;
        inner += `\n      <failure type="${xml(failing[0]!.code)}" message="${xml(failing[0]!.message)}">${xml(failing.map(line).join('\n'))}</failure>`;
      }
      const rest = found.filter((d) => !fails(d));
      if (rest.length > 0) inner += `\n      <system-out>${xml(rest.map(line).join('\n'))}</system-out>`;
      // The path is the case's name, where every JUnit reader shows it; Jenkins' junit-10.xsd has no testcase/@file.
      cases.push(`    <testcase classname="${xml(suite)}" name="${xml(file)}">${inner}${inner ? '\n    ' : ''}</testcase>`);
    }
    totalFailures += failures;
    body.push(`  <testsuite name="${xml(suite)}" tests="${members.length}" failures="${failures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="club validate" tests="${all.length}" failures="${totalFailures}" errors="0">\n${body.join('\n')}\n</testsuites>\n`;
}
