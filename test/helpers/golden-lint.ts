import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { main as markdownlintCli2Main } from 'markdownlint-cli2';
import { LINT_CONFIG, lintMarkdown } from './markdown-check.js';
import { ROOT } from './run-cli.js';

/** The folders of golden Markdown documents, under test/golden. */
const FOLDERS = ['documents', 'documents-ru'] as const;
const GOLDEN = path.join(ROOT, 'test/golden');

interface Cli2Run {
  status: number;
  linted: number;
  lines: string[];
  /** The findings of each golden document by its text, for the files whose text was the same before and after the run and whose rules are LINT_CONFIG. */
  byText: Map<string, string[]>;
}

let run: Promise<Cli2Run> | undefined;

const goldenFiles = () => FOLDERS.flatMap((f) => readdirSync(path.join(GOLDEN, f)).filter((n) => n.endsWith('.md')).map((n) => `${f}/${n}`));

/** Whether markdownlint-cli2 lints `folder` with exactly LINT_CONFIG: its own .markdownlint.jsonc says so and no config above it adds to it. */
function rulesAreLintConfig(folder: string): boolean {
  if (readdirSync(GOLDEN).some((n) => n.startsWith('.markdownlint'))) return false;
  const configs = readdirSync(path.join(GOLDEN, folder)).filter((n) => n.startsWith('.markdownlint'));
  if (configs.length !== 1 || configs[0] !== '.markdownlint.jsonc') return false;
  const text = readFileSync(path.join(GOLDEN, folder, configs[0]), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  return isDeepStrictEqual(JSON.parse(text), LINT_CONFIG);
}

/** markdownlint-cli2's run on every golden folder, once per worker (see markdownlintCli2). */
function cli2Run(): Promise<Cli2Run> {
  return (run ??= (async () => {
    const before = new Map(goldenFiles().map((f) => [f, readFileSync(path.join(GOLDEN, f), 'utf8')]));
    const lines: string[] = [];
    const log = (...parts: unknown[]) => { lines.push(...parts.map(String).join(' ').split('\n')); };
    const status = await markdownlintCli2Main({ directory: GOLDEN, argv: FOLDERS.map((f) => `${f}/*.md`), logMessage: log, logError: log });
    const linted = lines.map((l) => /^Linting: (\d+) file/.exec(l)).find((m) => m !== null);
    if (status !== 0 && status !== 1) throw new Error(`markdownlint-cli2 failed (exit ${status}): ${lines.join('\n')}`);
    const byText = new Map<string, string[]>();
    const trusted = new Set(FOLDERS.filter(rulesAreLintConfig));
    for (const [file, text] of before) {
      const unchanged = existsSync(path.join(GOLDEN, file)) && readFileSync(path.join(GOLDEN, file), 'utf8') === text;
      if (unchanged && trusted.has(file.split('/')[0] as (typeof FOLDERS)[number])) byText.set(text, lines.filter((l) => l.startsWith(`${file}:`)));
    }
    return { status, linted: linted ? Number(linted[1]) : -1, lines, byText };
  })());
}

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
  const { status, linted, lines } = await cli2Run();
  const findings = lines.filter((l) => l.startsWith(`${folder}/`));
  if (status === 1 && !lines.some((l) => FOLDERS.some((f) => l.startsWith(`${f}/`)))) throw new Error(`markdownlint-cli2 exit 1 with no finding: ${lines.join('\n')}`);
  return { files: count(folder), linted, expected: FOLDERS.reduce((n, f) => n + count(f), 0), findings };
}

/**
 * markdownlint's findings for a document (lintMarkdown's rules: LINT_CONFIG), linted once per
 * text: a text that IS a golden document as markdownlint-cli2's run read it (the same characters,
 * in a folder whose rules are LINT_CONFIG) has that run's findings for its file (markdownlint-cli2
 * lints with this same markdownlint, `npm ls markdownlint`: one copy); any other text is linted by
 * lintMarkdown. The documents tests render each golden document and ask this of what they
 * rendered (MD060, the table rule, is most of a lint: ~15-40 ms a document). Empty when it passes.
 */
export async function lintDocument(markdown: string): Promise<string[]> {
  return (await cli2Run()).byText.get(markdown) ?? lintMarkdown(markdown);
}
