import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './run-cli.js';

/** The folders of golden Markdown documents, under test/golden. */
const FOLDERS = ['documents', 'documents-ru'] as const;
const GOLDEN = path.join(ROOT, 'test/golden');

let run: { status: number | null; linted: number; lines: string[] } | undefined;

/**
 * markdownlint-cli2 itself (a child process, its own config lookup) on the golden documents of
 * `folder`. One run lints every golden folder, once per worker: the tool's start-up is most of
 * its cost, and documents.test and documents-ru.test each ask for theirs. Returns how many files
 * of `folder` there are, how many files the run linted in all, and the findings in `folder`.
 */
export function markdownlintCli2(folder: (typeof FOLDERS)[number]): { files: number; linted: number; expected: number; findings: string[] } {
  const count = (f: string) => readdirSync(path.join(GOLDEN, f)).filter((n) => n.endsWith('.md')).length;
  if (run === undefined) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), ...FOLDERS.map((f) => `${f}/*.md`)],
      { cwd: GOLDEN, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const linted = /^Linting: (\d+) file/m.exec(r.stdout ?? '');
    if (r.status !== 0 && r.status !== 1) throw new Error(`markdownlint-cli2 failed (exit ${r.status}): ${r.stderr}`);
    run = { status: r.status, linted: linted ? Number(linted[1]) : -1, lines: `${r.stdout}\n${r.stderr}`.split('\n') };
  }
  const findings = run.lines.filter((l) => l.startsWith(`${folder}/`));
  if (run.status === 1 && !run.lines.some((l) => FOLDERS.some((f) => l.startsWith(`${f}/`)))) throw new Error(`markdownlint-cli2 exit 1 with no finding: ${run.lines.join('\n')}`);
  return { files: count(folder), linted: run.linted, expected: FOLDERS.reduce((n, f) => n + count(f), 0), findings };
}
