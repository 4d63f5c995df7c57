import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface CheckSummary {
  /** Files checked (all of the folder, or the ones named). */
  files: number;
  errors: number;
  warnings: number;
  /** Files with at least one diagnostic. */
  filesWithProblems: number;
}

export function summarize(diagnostics: readonly Diagnostic[], files: number): CheckSummary {
  return {
    files,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    filesWithProblems: new Set(diagnostics.map((d) => d.file)).size,
  };
}

export { plural } from '../render/words.js';
