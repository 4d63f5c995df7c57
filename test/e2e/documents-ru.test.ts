import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { marked } from 'marked';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { docxBlocks, docxParts, markdownBlocks } from '../helpers/docx-check.js';
import { expectGolden } from '../helpers/golden.js';
import { lintDocument, markdownlintCli2 } from '../helpers/golden-lint.js';
import { lintMarkdown, raggedRows, tablesOf } from '../helpers/markdown-check.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');
const AS_OF = '2019-12-31';
const GOLDEN_DIR = path.join(ROOT, 'test/golden/documents-ru');

/** The documents written in Russian so far, from the rich fixture: golden file → command. */
const DOCUMENTS: Record<string, string[]> = {
  'roster.md': ['roster'],
  'roster-saint-petersburg-contacts.md': ['roster', '--division', 'saint-petersburg', '--contacts'],
  'agenda-2019-03-14-moscow.md': ['agenda', '2019-03-14-moscow'],
  'agenda-2020-02-20-moscow.md': ['agenda', '2020-02-20-moscow'],
  'minutes-2019-03-14-moscow.md': ['minutes', '2019-03-14-moscow'],
  'minutes-2019-06-20-pskov.md': ['minutes', '2019-06-20-pskov'],
  'minutes-2019-11-28-saint-petersburg.md': ['minutes', '2019-11-28-saint-petersburg'],
  'sheet-2020-02-20-moscow.md': ['sheet', '2020-02-20-moscow'],
  'plan-2019.md': ['plan', '--year', '2019'],
  'plan-2020.md': ['plan', '--year', '2020'],
  'plan-season-2019-2020.md': ['plan', '--from', '2019-09-01', '--to', '2020-06-30'],
  'report-2019.md': ['report', '--year', '2019'],
  'report-season-2019-2020.md': ['report', '--from', '2019-09-01', '--to', '2020-06-30'],
};

/** The SUMMARY of each event of a calendar, as ical.js reads it. */
const calendarSummaries = (text: string): string[] =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c).summary);

const render = (args: string[], lang = 'ru') => runCli([...args, '--data', RICH, '--as-of', AS_OF, '--lang', lang]);

/**
 * Words in Latin script a Russian document may contain: those of the data it is
 * made from (names, organizations, titles, places, ids, codes, URLs), read from
 * the fixture's values, not its keys or comments. Any other Latin word is a
 * fixed word that was not translated.
 */
function dataWords(): Set<string> {
  return new Set(fixtureWords ??= readDataWords());
}
let fixtureWords: Set<string> | undefined;

/** dataWords, read from the fixture's files (once for this file). */
function readDataWords(): Set<string> {
  const words = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string' || typeof v === 'number') for (const w of String(v).match(/\p{Script=Latin}+/gu) ?? []) words.add(w);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const dir of ['', 'members', 'officers', 'meetings', 'publications']) {
    for (const f of readdirSync(path.join(RICH, dir)).filter((x) => x.endsWith('.yaml'))) {
      walk(parseYaml(readFileSync(path.join(RICH, dir, f), 'utf8')));
      walk(f.replace(/\.yaml$/, '')); // the id
    }
  }
  return words;
}

/**
 * The words a reader sees in a Mermaid chart (titles, axis labels, sections,
 * task names), one per line: the syntax around them (`xychart-beta`, `dateFormat`,
 * ISO dates) is code for Mermaid, not text, and is held to Mermaid's parser in
 * test/render/charts-mermaid.test.ts instead.
 */
function mermaidLabels(source: string): string[] {
  return source.split('\n').map((line) => line.trim()).flatMap((line) => {
    const quoted = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    if (/^(title|section)\s/.test(line)) return [line.replace(/^\S+\s+/, '').replace(/^"(.*)"$/, '$1')];
    if (/^[xy]-axis\s/.test(line)) return quoted;
    if (/^(%%|(gantt|xychart-beta|dateFormat|axisFormat|bar|line)\b)/.test(line) || line === '') return [];
    return [line.replace(/\s*:.*$/, '')]; // a Gantt task: its name before the colon
  });
}

/** A document with each Mermaid block replaced by the words it shows, a paragraph each. */
const prose = (markdown: string): string =>
  markdown.replace(/```mermaid\n([\s\S]*?)```\n/g, (_, source: string) => mermaidLabels(source).map((label) => `${label}\n\n`).join(''));

/** Latin words of a document that the data does not account for. */
const englishWords = (markdown: string, allowed: Set<string>): string[] =>
  [...new Set((prose(markdown).match(/\p{Script=Latin}+/gu) ?? []).filter((w) => !allowed.has(w)))];

/**
 * typograf's Russian rules, as an editor of Russian text would apply them.
 * Turned off, each for a reason of the club's own conventions:
 */
interface TypografApi { execute(text: string): string; disableRule(name: string): void }
const Typograf = createRequire(import.meta.url)('typograf') as new (prefs: { locale: string[] }) => TypografApi;
const typograf = new Typograf({ locale: ['ru'] });
// Text from the records is printed as the secretary wrote it: an English title keeps its "straight" quotes.
typograf.disableRule('common/punctuation/quote');

describe('documents in Russian (the CLI in-process on the rich fixture)', () => {
  const rendered = new Map<string, string>();
  beforeAll(async () => {
    const runs = await Promise.all(Object.entries(DOCUMENTS).map(async ([golden, args]) => [golden, await render(args)] as const));
    for (const [golden, run] of runs) {
      expect(run.code, `${golden}: ${run.stderr}`).toBe(0);
      rendered.set(golden, run.stdout);
    }
  });

  for (const golden of Object.keys(DOCUMENTS)) {
    it(`${DOCUMENTS[golden]!.join(' ')} --lang ru matches golden/documents-ru/${golden}, passes markdownlint and has whole tables`, async () => {
      const markdown = rendered.get(golden)!;
      expectGolden(`documents-ru/${golden}`, markdown);
      expect(await lintDocument(markdown)).toEqual([]); // markdownlint: this text's findings, linted once (golden-lint.ts)
      expect(raggedRows(markdown)).toEqual([]);
      expect(tablesOf(markdown).length).toBeGreaterThan(0);
    });
  }

  it('the Russian golden files pass markdownlint-cli2 itself', async () => {
    const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.md'));
    expect(files.sort()).toEqual(Object.keys(DOCUMENTS).sort());
    const { linted, expected, findings } = await markdownlintCli2('documents-ru');
    expect(linted).toBe(expected); // it read every golden document, these among them
    expect(findings).toEqual([]);
  });

  it('no English word that is not a proper name, an id or a code from the data', () => {
    const allowed = dataWords();
    for (const [golden, markdown] of rendered) expect(englishWords(markdown, allowed), golden).toEqual([]);
    // The same check on the English documents finds the fixed words (so it can fail).
    return render(['roster'], 'en').then((en) => expect(englishWords(en.stdout, allowed)).toEqual(expect.arrayContaining(['roster', 'Officers', 'Members', 'Totals'])));
  });

  it('the words of the charts are checked too: an English chart title is found, the Mermaid syntax is not', async () => {
    const en = await render(['report', '--year', '2019'], 'en');
    const found = englishWords(en.stdout, dataWords());
    // "terms" and "per year" appear only in the charts' titles.
    expect(found).toEqual(expect.arrayContaining(['terms', 'per']));
    expect(found).not.toContain('xychart');
    expect(found).not.toContain('dateFormat');
    expect(mermaidLabels('gantt\n  title T\n  dateFormat YYYY-MM-DD\n  section S\n  Wang Li :active, 2016-02-01, 2019-12-31')).toEqual(['T', 'S', 'Wang Li']);
  });

  it('typograf finds nothing to change in the Russian golden files', () => {
    // Each distinct line put through typograf once (its result depends on the line alone): most
    // lines of marked's HTML (<tr>, </tr>, a table's head) recur in every document.
    const typografed = new Map<string, string>();
    const execute = (line: string) => {
      let out = typografed.get(line);
      if (out === undefined) typografed.set(line, (out = typograf.execute(line)));
      return out;
    };
    for (const golden of Object.keys(DOCUMENTS)) {
      const html = marked.parse(prose(readFileSync(path.join(GOLDEN_DIR, golden), 'utf8')), { async: false });
      // marked writes quotes as entities, which typograf would write back as characters: compare the characters.
      const lines = html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").split('\n');
      const changed = lines.map((line) => [line, execute(line)]).filter(([a, b]) => a !== b)
        .map(([a, b]) => `${a!.replace(/\u00a0/g, '⍽')}\n  → ${b!.replace(/\u00a0/g, '⍽')}`);
      expect(changed, golden).toEqual([]);
    }
  });

  it('typograf would change a Russian text without its no-break spaces (so the check can fail)', () => {
    const html = marked.parse('Заседание 14 марта 2019 г. в Москве', { async: false });
    expect(typograf.execute(html)).not.toBe(html);
  });

  it('--lang defaults to `language:` in club.yaml; --lang en overrides it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'club-lang-'));
    try {
      cpSync(RICH, dir, { recursive: true });
      const club = path.join(dir, 'club.yaml');
      writeFileSync(club, readFileSync(club, 'utf8').replace('timezone: Europe/Moscow', 'timezone: Europe/Moscow\nlanguage: ru'));
      const byDefault = await runCli(['roster', '--data', dir, '--as-of', AS_OF]);
      expect(byDefault.code).toBe(0);
      expect(byDefault.stdout).toBe(rendered.get('roster.md'));
      const english = await runCli(['roster', '--data', dir, '--as-of', AS_OF, '--lang', 'en']);
      expect(english.stdout).toBe(readFileSync(path.join(ROOT, 'test/golden/documents/roster.md'), 'utf8'));
      // The minutes, the sheet and the calendar take the same default.
      for (const [args, golden] of [[['minutes', '2019-06-20-pskov'], 'minutes-2019-06-20-pskov.md'], [['sheet', '2020-02-20-moscow'], 'sheet-2020-02-20-moscow.md']] as const) {
        const run = await runCli([...args, '--data', dir, '--as-of', AS_OF]);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toBe(rendered.get(golden));
        const en = await runCli([...args, '--data', dir, '--as-of', AS_OF, '--lang', 'en']);
        expect(en.stdout).toBe(readFileSync(path.join(ROOT, 'test/golden/documents', golden), 'utf8'));
      }
      const calendar = await runCli(['calendar', '2019-09-12-moscow', '--data', dir, '--as-of', AS_OF]);
      expect(calendar.code, calendar.stderr).toBe(0);
      expect(calendarSummaries(calendar.stdout)).toEqual(['Очередное заседание — Тестовый клуб таможенных атташе']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('club roster --lang ru on the shipped data reads as a Russian document', async () => {
    const run = await runCli(['roster', '--lang', 'ru', '--as-of', '2019-06-16']);
    expect(run.code).toBe(0);
    const text = run.stdout.replace(/\u00a0/g, ' ');
    expect(text).toContain('# Московский международный клуб таможенных атташе: список членов');
    expect(text).toContain('По состоянию на 16 июня 2019 г.');
    expect(text).toContain('| Председатель | Коноваленко С.А. | Россия |');
    expect(text).toContain('| Секретарь | Васильцов Д.В. | Россия |');
    expect(text).toContain('### Россия');
    for (const country of ['Бельгия', 'Германия', 'Индия', 'Италия', 'Киргизия', 'Китай', 'Латвия', 'Литва', 'Соединённые Штаты', 'Франция', 'Финляндия', 'Чехия']) expect(text).toContain(`- ${country}`);
    expect(lintMarkdown(run.stdout)).toEqual([]);
  });

  it('club calendar --lang ru: ical.js reads the Russian summary and description; the UIDs are those of the English calendar', async () => {
    const ru = await runCli(['calendar', '--data', RICH, '--as-of', AS_OF, '--lang', 'ru']);
    const en = await runCli(['calendar', '--data', RICH, '--as-of', AS_OF, '--lang', 'en']);
    expect(ru.code, ru.stderr).toBe(0);
    const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const untitled = events(ru.stdout).find((e) => e.uid.startsWith('2019-09-12-moscow@'))!;
    expect(untitled.summary).toBe('Очередное заседание — Тестовый клуб таможенных атташе');
    expect(untitled.description).toBe('Отменено.');
    expect(events(ru.stdout).find((e) => e.uid.startsWith('2019-06-20-pskov@'))!.description.split('\n')[0]).toBe('Повестка дня:');
    expect(events(ru.stdout).map((e) => e.uid)).toEqual(events(en.stdout).map((e) => e.uid));
    expect(calendarSummaries(en.stdout)).toContain('Regular meeting, Test Customs Attaché Club');
    const bad = await runCli(['calendar', '--data', RICH, '--lang', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang must be one of en, ru, not `fr`');
    expect(bad.stdout).toBe('');
  });

  it('--format docx --lang ru: the minutes and the sheet as Word files, read back by mammoth, footer in Russian', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'club-ru-docx-'));
    try {
      for (const [args, first] of [
        [['minutes', '2019-06-20-pskov'], 'Тестовый клуб таможенных атташе: протокол № 2 за 2019 год'],
        [['sheet', '2020-02-20-moscow'], 'Тестовый клуб таможенных атташе: лист регистрации'],
      ] as const) {
        const file = path.join(dir, `${args[0]}.docx`);
        const run = await render([...args, '-o', file]);
        expect(run.code, run.stderr).toBe(0);
        const bytes = readFileSync(file);
        const word = await docxBlocks(bytes);
        expect(word[0]).toEqual({ kind: 'h1', text: first });
        expect(word).toEqual(markdownBlocks(rendered.get(`${args.join('-')}.md`)!));
        const footer = Object.entries(docxParts(bytes)).find(([n]) => /^word\/footer\d+\.xml$/.test(n))![1];
        expect(footer).toContain('>Страница </w:t>');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help of minutes, sheet and calendar shows --lang with an example', async () => {
    for (const command of ['minutes', 'sheet', 'calendar']) {
      const help = await runCli([command, '--help']);
      expect(help.stdout, command).toMatch(/--lang <lang>/);
      expect(help.stdout, command).toMatch(new RegExp(`\\$ club ${command} .*--lang ru`));
    }
  });

  it('a bad --lang is a usage error', async () => {
    const bad = await render(['roster'], 'de');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang must be one of en, ru, not `de`');
    expect(bad.stdout).toBe('');
  });
});
