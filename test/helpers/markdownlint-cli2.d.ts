// markdownlint-cli2 ships JavaScript with JSDoc types but no declarations: the part of its API golden-lint.ts calls.
declare module 'markdownlint-cli2' {
  type Logger = (...parts: unknown[]) => void;
  /** What its bin runs: lints the files `argv` names (globs, relative to `directory`); 0 when none has a finding, 1 when some has, 2 on failure. */
  export function main(params: { directory?: string; argv?: string[]; logMessage?: Logger; logError?: Logger }): Promise<number>;
}
