import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CheckSummary } from './summary.js';

/** The `--format json` document. Its shape is versioned: fields are only ever added. */
export interface JsonReport {
  version: 1;
  ok: boolean;
  asOf: string;
  summary: { files: number; errors: number; warnings: number };
  diagnostics: Diagnostic[];
}

export function formatJson(diagnostics: readonly Diagnostic[], summary: CheckSummary, asOf: string, ok: boolean): string {
  const report: JsonReport = {
    version: 1,
    ok,
    asOf,
    summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings },
    // A fixed key order, whatever order the diagnostic was built in.
    diagnostics: diagnostics.map((d) => ({
      code: d.code, severity: d.severity, message: d.message, ...(d.hint ? { hint: d.hint } : {}),
      file: d.file, line: d.line, column: d.column, path: d.path,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
