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

/**
 * `1 file`, `3 files`: English messages to the secretary (documents take their words from a catalogue).
 * Here, not in render/: validate's report would otherwise load the document catalogues on every run.
 */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
