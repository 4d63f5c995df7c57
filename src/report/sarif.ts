import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * A path as a relative URI reference: each segment percent-encoded, so `#`, `?`, `%`, a space or a
 * `:` in a file name stays part of the path (encodeURI left `a#b.yaml` a fragment, `c?d.yaml` a query).
 */
export function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * A SARIF 2.1.0 log, as code-scanning tools read it: one run of `club`, a rule
 * for each diagnostic code that occurs, a result for each diagnostic.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], version: string): string {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const ruleIndex = new Map(codes.map((code, i) => [code, i]));
  // Many diagnostics share a file: its URI is made once (splitting and encoding it was a third of the work).
  const uris = new Map<string, string>();
  const uriOf = (file: string) => {
    let uri = uris.get(file);
    if (uri === undefined) uris.set(file, (uri = fileUri(file)));
    return uri;
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'club',
          version,
          rules: codes.map((code) => ({ id: code, name: code, shortDescription: { text: code.replace(/-/g, ' ') } })),
        },
      },
      results: diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code)!,
        level: d.severity === 'error' ? 'error' : 'warning',
        message: { text: d.hint ? `${d.message} (${d.hint})` : d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: uriOf(d.file) },
            region: { startLine: d.line, startColumn: d.column },
          },
        }],
      })),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
