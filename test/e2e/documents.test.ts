import { cpSync, readFileSync, readdirSync, writeFileSync, existsSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { lintDocument, markdownlintCli2 } from '../helpers/golden-lint.js';
import { lintMarkdown, raggedRows, tablesOf } from '../helpers/markdown-check.js';
import { unzipSync } from 'fflate';
import { docxBlocks, markdownBlocks } from '../helpers/docx-check.js';
import { ROOT, runCli, runClubBytes } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');
const AS_OF = '2019-12-31';

/** Each document of the rich fixture: the golden file it must equal, and the command that renders it. */
const DOCUMENTS: Record<string, string[]> = {
  'roster.md': ['roster'],
  'roster-saint-petersburg-contacts.md': ['roster', '--division', 'saint-petersburg', '--contacts'],
  'roster-2018.md': ['roster', '--as-of', '2018-06-01'],
  'agenda-2019-03-14-moscow.md': ['agenda', '2019-03-14-moscow'],
  'agenda-next.md': ['agenda', '--next'],
  'minutes-2019-03-14-moscow.md': ['minutes', '2019-03-14-moscow'],
  'minutes-2019-06-20-pskov.md': ['minutes', '2019-06-20-pskov'],
  'plan-2019.md': ['plan', '--year', '2019'],
  'plan-2020.md': ['plan', '--year', '2020'],
  'report-2019.md': ['report', '--year', '2019'],
  'plan-season-2019-2020.md': ['plan', '--from', '2019-09-01', '--to', '2020-06-30'],
  'report-season-2019-2020.md': ['report', '--from', '2019-09-01', '--to', '2020-06-30'],
  'sheet-2020-02-20-moscow.md': ['sheet', '2020-02-20-moscow'],
  'minutes-2019-11-28-saint-petersburg.md': ['minutes', '2019-11-28-saint-petersburg'],
};

const render = (args: string[]) => runCli([...args, '--data', RICH, '--as-of', AS_OF]);

describe('documents (on the rich fixture)', () => {
  for (const [golden, args] of Object.entries(DOCUMENTS)) {
    it(`${args.join(' ')} matches golden/documents/${golden}, passes markdownlint and has whole tables`, async () => {
      const run = await render(args);
      expect(run.code).toBe(0);
      expectGolden(`documents/${golden}`, run.stdout);
      expect(await lintDocument(run.stdout)).toEqual([]); // markdownlint: this text's findings, linted once (golden-lint.ts)
      expect(raggedRows(run.stdout)).toEqual([]);
      expect(tablesOf(run.stdout).length).toBeGreaterThan(0);
    });
  }

  it('the golden documents pass markdownlint-cli2 itself', async () => {
    const { files, linted, expected, findings } = await markdownlintCli2('documents');
    expect(files).toBe(Object.keys(DOCUMENTS).length);
    expect(linted).toBe(expected); // it read every golden document, these among them
    expect(findings).toEqual([]);
  });

  it('lintDocument: a golden document has the findings markdownlint-cli2 made for it, the same as lintMarkdown\'s; another text is linted (so it can fail)', async () => {
    const golden = readFileSync(path.join(ROOT, 'test/golden/documents/sheet-2020-02-20-moscow.md'), 'utf8');
    expect(await lintDocument(golden)).toEqual(lintMarkdown(golden));
    const twoBlankLines = golden.replace('\n\n', '\n\n\n');
    expect((await lintDocument(twoBlankLines)).join('\n')).toMatch(/MD012\/no-multiple-blanks/);
  });

  it('renders the same bytes every time for the same data and date', async () => {
    const [a, b] = await Promise.all([render(['report', '--year', '2019']), render(['report', '--year', '2019'])]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toMatch(/\d{2}:\d{2}:\d{2}/); // no clock time
  });

  it('the agenda of a moved meeting says where its date is that it was moved, in English and in Russian', async () => {
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    const en = await render(['agenda', '2020-05-21-moscow']);
    expect(en.code, en.stderr).toBe(0);
    expect(plain(en.stdout)).toMatch(/^- \*\*Date:\*\* Thursday, 21 May 2020, .* \(moved from 14 May 2020\)$/m);
    const ru = await render(['agenda', '2020-05-21-moscow', '--lang', 'ru']);
    expect(ru.code, ru.stderr).toBe(0);
    expect(plain(ru.stdout)).toMatch(/^- \*\*Дата:\*\* .*21 мая 2020 г\..* \(перенесено с 14 мая 2020 г\.\)$/m);
    // A meeting never moved says nothing of the kind.
    expect((await render(['agenda', '2020-02-20-moscow'])).stdout).not.toContain('moved from');
  });

  it('in English, a country that takes "the" has it inside a sentence (the club paragraph, the chart\'s caption), not in a table', async () => {
    const dir = testdir({});
    cpSync(RICH, path.join(dir, 'data'), { recursive: true });
    const inDir = (args: string[]) => runCli([...args, '--as-of', AS_OF], { cwd: dir, env: { CLUB_TODAY: AS_OF } });
    expect((await inDir(['set', 'club', 'member_countries+=country=US; since=2002-12'])).code).toBe(0);
    const added = await inDir(['add-member', '--name', 'Smith J.', '--country', 'US', '--category', 'embassy', '--division', 'moscow', '--joined', '2018-01-10']);
    expect(added.code, added.stderr).toBe(0);
    const report = await inDir(['report', '--year', '2019']);
    expect(report.code, report.stderr).toBe(0);
    const sentences = report.stdout.split('\n').filter((line) => line.includes('United States') && !line.startsWith('|'));
    expect(sentences.length).toBeGreaterThanOrEqual(2); // "It has 7 member countries: …" and the membership chart's caption
    for (const line of sentences) expect(line, line).toMatch(/and the United States\./);
    expect(report.stdout).toMatch(/^\| United States \|/m); // a table cell: no article
  });

  it('warns on stderr when an agenda runs past the planned end', async () => {
    const run = await render(['agenda', '2020-02-20-moscow']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('club: warning: the agenda of 2020-02-20-moscow ends at 11:10, 10 minutes after the planned end 11:00');
    expect(run.stdout).toContain('**Warning:** the items run 10 minutes past the planned end.');
  });

  it('leaves contact details out unless asked', async () => {
    expect((await render(['roster'])).stdout).not.toContain('@example.org');
    expect((await render(['roster', '--contacts'])).stdout).toContain('ivanov@example.org');
  });

  describe('-o and --check', () => {
    it('-o writes the file and says so; --check passes on it and fails with a diff once the data changes', async () => {
      const dir = testdir({});
      const out = path.join(dir, 'roster.md');
      const write = await render(['roster', '-o', out]);
      expect(write.code).toBe(0);
      expect(write.stderr).toContain(`wrote ${out}`);
      expect(readFileSync(out, 'utf8')).toBe((await render(['roster'])).stdout);
      const fresh = await render(['roster', '--check', out]);
      expect(fresh.code).toBe(0);
      writeFileSync(out, readFileSync(out, 'utf8').replace('Wang Li', 'Wang Lee'));
      const stale = await render(['roster', '--check', out]);
      expect(stale.code).toBe(1);
      expect(stale.stderr).toContain('is stale');
      expect(stale.stderr).toContain('-| Secretary | Wang Lee | China |');
      expect(stale.stderr).toContain('+| Secretary | Wang Li | China |');
    });
    it('--check fails on a missing file', async () => {
      const run = await render(['roster', '--check', path.join(testdir({}), 'none.md')]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('does not exist');
    });
    it('-o refuses to write through a symbolic link (exit 3) and leaves its target alone', async () => {
      const dir = testdir({ 'target.md': 'keep me\n' });
      symlinkSync(path.join(dir, 'target.md'), path.join(dir, 'link.md'));
      const run = await render(['roster', '-o', path.join(dir, 'link.md')]);
      expect(run.code).toBe(3);
      expect(readFileSync(path.join(dir, 'target.md'), 'utf8')).toBe('keep me\n');
      expect(readdirSync(dir).sort()).toEqual(['link.md', 'target.md']);
    });
  });

  describe('Word files (--format docx)', () => {
    it('-o FILE.docx writes a Word file; --format docx to a pipe gives the same bytes; mammoth reads it as the Markdown', async () => {
      const dir = testdir({});
      const out = path.join(dir, 'agenda.docx');
      const write = await render(['agenda', '2019-03-14-moscow', '-o', out]);
      expect(write.code).toBe(0);
      expect(write.stderr).toContain(`wrote ${out}`);
      const bytes = readFileSync(out);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
      const piped = await runClubBytes(['agenda', '2019-03-14-moscow', '--format', 'docx', '--data', RICH, '--as-of', AS_OF]);
      expect(piped.code).toBe(0);
      expect(piped.stdout.equals(bytes)).toBe(true);
      const markdown = (await render(['agenda', '2019-03-14-moscow'])).stdout;
      expect(await docxBlocks(bytes)).toEqual(markdownBlocks(markdown));
    });

    it('a Russian document is Russian in Word too: its text as mammoth reads it, and the page frame', async () => {
      const dir = testdir({});
      const out = path.join(dir, 'roster.docx');
      expect((await render(['roster', '--lang', 'ru', '-o', out])).code).toBe(0);
      const bytes = readFileSync(out);
      const markdown = (await render(['roster', '--lang', 'ru'])).stdout;
      expect(await docxBlocks(bytes)).toEqual(markdownBlocks(markdown));
      const footer = Object.entries(unzipSync(bytes)).find(([n]) => /^word\/footer\d+\.xml$/.test(n))![1];
      const text = new TextDecoder().decode(footer);
      expect(text).toMatch(/>Страница[\s\u00a0]<\/w:t>[\s\S]*PAGE[\s\S]*>[\s\u00a0]из[\s\u00a0]<\/w:t>[\s\S]*NUMPAGES/);
      expect(text).not.toMatch(/>Page[\s\u00a0]<\/w:t>/);
    });

    it('--check FILE.docx passes on a fresh file and fails, briefly and without bytes, on a stale one', async () => {
      const dir = testdir({});
      const out = path.join(dir, 'roster.docx');
      expect((await render(['roster', '-o', out])).code).toBe(0);
      const fresh = await render(['roster', '--check', out]);
      expect(fresh.code).toBe(0);
      expect(fresh.stderr).toBe(`${out} is up to date\n`);
      const stale = await runCli(['roster', '--check', out, '--data', RICH, '--as-of', '2018-06-01']);
      expect(stale.code).toBe(1);
      expect(stale.stderr).toContain(`club: ${out} is stale: it differs from a fresh rendering\n  hint: regenerate it with \`club roster -o ${out} --data ${RICH} --as-of 2018-06-01\` and commit it\n`);
      expect(stale.stderr).not.toMatch(/[\u0000-\u0008]|PK|@@/); // no bytes of the zip, no diff
    });

    it('a file name and a --format that disagree, or an unknown format, are usage errors that write nothing', async () => {
      const dir = testdir({});
      const clash = await render(['roster', '--format', 'md', '-o', path.join(dir, 'r.docx')]);
      expect(clash.code).toBe(2);
      expect(clash.stderr).toContain('names a Word file, but --format md was asked');
      expect((await render(['roster', '--format', 'pdf'])).code).toBe(2);
      expect(readdirSync(dir)).toEqual([]);
    });
  });

  describe('usage errors', () => {
    it('an unknown meeting suggests the nearest (exit 2)', async () => {
      const run = await render(['agenda', '2019-03-14-moskow']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('did you mean `2019-03-14-moscow`?');
    });
    it('minutes of a meeting that was not held (exit 2)', async () => {
      const run = await render(['minutes', '2020-02-20-moscow']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('minutes are for held meetings');
    });
    it('agenda needs a meeting or --next, not both', async () => {
      expect((await render(['agenda'])).code).toBe(2);
      expect((await render(['agenda', '2019-03-14-moscow', '--next'])).code).toBe(2);
    });
    it('an unknown division, a bad year', async () => {
      expect((await render(['roster', '--division', 'kazan'])).code).toBe(2);
      expect((await render(['plan', '--year', '19'])).code).toBe(2);
    });
    it('-o and --check together', async () => {
      expect((await render(['roster', '-o', 'a.md', '--check', 'b.md'])).code).toBe(2);
      expect(existsSync(path.join(ROOT, 'a.md'))).toBe(false);
    });
  });

  it('a report of a club that has held no meeting draws no meetings chart of zero bars; one that has, draws it', async () => {
    const shipped = await runCli(['report', '--year', '2019', '--as-of', '2019-12-31']);
    expect(shipped.code, shipped.stderr).toBe(0);
    expect(shipped.stdout).toContain('No meetings were held in the period.');
    expect(shipped.stdout).not.toContain('Meetings held per calendar year');
    expect((await render(['report', '--year', '2019'])).stdout).toContain('title "Meetings held per calendar year"');
  });

  it('renders the shipped data: the roster names the chairman and the secretary', async () => {
    const run = await runCli(['roster', '--as-of', '2019-06-16']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| Chairman | Konovalenko S.A. | Russia |');
    expect(run.stdout).toContain('| Secretary | Vasiltsov D.V. | Russia |');
    expect(lintMarkdown(run.stdout)).toEqual([]);
  });
});
