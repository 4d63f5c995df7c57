import { readdirSync } from 'node:fs';
import path from 'node:path';
import { main as markdownlintCli2Main } from 'markdownlint-cli2';
import { ROOT } from './run-cli.js';

/** The folders of golden Markdown documents, under test/golden. */
const FOLDERS = ['documents', 'documents-ru'] as const;
const GOLDEN = path.join(ROOT, 'test/golden');

let run: Promise<{ status: number; linted: number; lines: string[] }> | undefined;

/**
 * markdownlint-cli2 itself on the golden documents of `folder`: its `main`, what its bin runs
 * (the same arguments, its own config lookup from test/golden, its exit code and its output
 * lines), called in this process rather than in a Node of its own (its start-up and module
 * loading were ~1 s of CPU, the linting a fraction of that). One run lints every golden folder,
 * once per worker: documents.test and documents-ru.test each ask for theirs. Returns how many
 * files of `folder` there are, how many files the run linted in all, and the findings in `folder`.
 */
export async function markdownlintCli2(folder: (typeof FOLDERS)[number]): Promise<{ files: number; linted: number; expected: number; findings: string[] }> {
  const count = (f: string) => readdirSync(path.join(GOLDEN, f)).filter((n) => n.endsWith('.md')).length;
  run ??= (async () => {
    const lines: string[] = [];
    const log = (...parts: unknown[]) => { lines.push(...parts.map(String).join(' ').split('\n')); };
    const status = await markdownlintCli2Main({ directory: GOLDEN, argv: FOLDERS.map((f) => `${f}/*.md`), logMessage: log, logError: log });
    const linted = lines.map((l) => /^Linting: (\d+) file/.exec(l)).find((m) => m !== null);
    if (status !== 0 && status !== 1) throw new Error(`markdownlint-cli2 failed (exit ${status}): ${lines.join('\n')}`);
    return { status, linted: linted ? Number(linted[1]) : -1, lines };
  })();
  const { status, linted, lines } = await run;
  const findings = lines.filter((l) => l.startsWith(`${folder}/`));
  if (status === 1 && !lines.some((l) => FOLDERS.some((f) => l.startsWith(`${f}/`)))) throw new Error(`markdownlint-cli2 exit 1 with no finding: ${lines.join('\n')}`);
  return { files: count(folder), linted, expected: FOLDERS.reduce((n, f) => n + count(f), 0), findings };
}
