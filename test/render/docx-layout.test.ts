import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { loadData, type LoadedData } from '../../src/cli/load-data.js';
import type { Language } from '../../src/model/types.js';
import { yearPeriod } from '../../src/query/period.js';
import { agendaDocument } from '../../src/render/agenda.js';
import { plainText, table as treeTable, type Doc } from '../../src/render/doc-tree.js';
import { toDocx } from '../../src/render/docx.js';
import { CATALOGUES } from '../../src/render/locale.js';
import { minutesDocument } from '../../src/render/minutes.js';
import { planDocument } from '../../src/render/plan.js';
import { reportDocument } from '../../src/render/report.js';
import { rosterDocument } from '../../src/render/roster.js';
import { sheetDocument } from '../../src/render/sheet.js';
import { docxParts } from '../helpers/docx-check.js';
import { convertWithLibreOffice, soffice } from '../helpers/libreoffice.js';
import { ROOT } from '../helpers/run-cli.js';

// How Word files lay out on the page, read from word/document.xml: the plan's page turned sideways, headings and the
// end of the minutes kept with what follows, rows to sign in, dates that do not break, columns as wide as their words.

const RICH = path.join(ROOT, 'test/fixtures/rich/data');
const AS_OF = '2019-12-31';
const LANGS: Language[] = ['en', 'ru'];
const quietIo: Io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: ROOT, now: () => new Date(0) };

let rich: LoadedData;
beforeAll(async () => {
  rich = await loadData({ data: RICH, asOf: AS_OF }, quietIo);
});

/** The rich fixture's documents in a language, by name: every kind, and the meetings the reviewer printed. */
function documents(lang: Language): Record<string, Doc> {
  const c = rich.club;
  const meeting = (id: string) => c.byId.meetings.get(id)!;
  return {
    roster: rosterDocument(c, { asOf: AS_OF, lang }),
    'agenda-2020-05-21': agendaDocument(c, meeting('2020-05-21-moscow'), lang).doc,
    'agenda-2019-06-20': agendaDocument(c, meeting('2019-06-20-pskov'), lang).doc,
    'minutes-2019-03-14': minutesDocument(c, meeting('2019-03-14-moscow'), lang),
    'minutes-2019-06-20': minutesDocument(c, meeting('2019-06-20-pskov'), lang),
    'plan-season': planDocument(c, { from: '2019-09-01', to: '2020-06-30' }, lang),
    'plan-2019': planDocument(c, { ...yearPeriod(2019), year: 2019 }, lang),
    'report-2019': reportDocument(c, { ...yearPeriod(2019), year: 2019 }, lang),
    'report-season': reportDocument(c, { from: '2019-09-01', to: '2020-06-30' }, lang),
    'sheet-2019-03-14': sheetDocument(c, meeting('2019-03-14-moscow'), lang),
  };
}

/** word/document.xml of each document, rendered once. */
const bodies = new Map<string, Promise<string>>();
function body(lang: Language, name: string): Promise<string> {
  const key = `${lang} ${name}`;
  let xml = bodies.get(key);
  if (xml === undefined) {
    bodies.set(key, (xml = toDocx(documents(lang)[name]!, { words: CATALOGUES[lang].docx, date: AS_OF }).then((b) => docxParts(b)['word/document.xml']!)));
  }
  return xml;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** The text of a piece of WordprocessingML: its w:t runs joined. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join('');
/** The body's paragraphs outside tables, in order, as XML. */
const paragraphs = (xml: string) => xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '<w:p>TABLE</w:p>').match(/<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
interface WordCell { text: string; lines: string[]; bold: boolean; width: number }
interface WordTable { widths: number[]; rows: { xml: string; cells: WordCell[] }[] }
function tables(xml: string): WordTable[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => ({
    widths: [...t[1]!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
    rows: [...t[1]!.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => ({
      xml: r[0],
      cells: [...r[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => ({
        text: textOf(c[1]!),
        lines: c[1]!.split('<w:br/>').map(textOf),
        bold: /<w:b\/>/.test(c[1]!),
        width: Number(c[1]!.match(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/)?.[1]),
      })),
    })),
  }));
}

// ── text measured as LibreOffice draws it where Arial is absent: DejaVu Sans, the widest of the fonts that stand in for it ──
const fonts = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']
  .map((f) => path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf', f));
const inked = (text: string, bold: boolean): number => {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="20"><text x="0" y="15" font-family="DejaVu Sans" font-size="9" font-weight="${bold ? 'bold' : 'normal'}" xml:space="preserve">${escaped}</text></svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'DejaVu Sans' }, logLevel: 'off' }).getBBox()!.width;
};
const measured = new Map<string, number>();
/** How wide text is at 9 pt (table text), in twentieths of a point: its advance, the ink of `|text|` less that of `||`. */
function width(text: string, bold: boolean): number {
  const key = `${bold ? 'b' : 'r'}${text}`;
  if (!measured.has(key)) measured.set(key, Math.ceil((inked(`|${text}|`, bold) - inked('||', bold)) * 20));
  return measured.get(key)!;
}
/** Word's and LibreOffice's default cell margins, left and right: 0.19 cm each. */
const CELL_MARGINS = 2 * 108;
/**
 * The runs of a cell's text that no line may break inside: the text between its plain spaces, and a word's parts on
 * either side of a hyphen between letters, after which Word and LibreOffice break a line («Санкт-» / «Петербург»).
 */
const unbreakable = (text: string) => text.split(/ |(?<=\p{L}-)(?=\p{L})/u).filter((w) => w !== '');

/** How wide a column's longest line is, whole, with the cell's margins. */
const longestLine = (t: WordTable, c: number) => Math.max(...t.rows.flatMap((r) => r.cells[c]!.lines.map((line) => width(line.trim(), r.cells[c]!.bold)))) + CELL_MARGINS;
/** A column of rows to write in (the attendance sheet's signatures): rows with a height, no text below the header. */
const roomToWrite = (t: WordTable, c: number) => t.rows.slice(1).every((r) => r.xml.includes('<w:trHeight') && r.cells[c]!.text.trim() === '');
/**
 * How much wider than resvg's measure of a line club's own measure may make its column (3 pt): club adds the kerning
 * that moves letters apart and not the kerning that moves them closer («Ta», «To»: it is never short), and 0.7 pt more
 * margin.
 */
const MEASURE_SLACK = 60;

describe.each(LANGS)('Word layout (--lang %s)', (lang) => {
  it('the plan is on A4 turned sideways, its table across the width; every other document upright', async () => {
    for (const name of ['plan-season', 'plan-2019']) {
      const xml = await body(lang, name);
      expect(xml, name).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
      expect(xml.match(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/)?.[1], name).toBe(String(16838 - 2 * 1134));
      for (const t of tables(xml)) expect(t.widths.reduce((a, b) => a + b, 0), name).toBeLessThanOrEqual(16838 - 2 * 1134);
    }
    for (const name of ['minutes-2019-03-14', 'report-2019', 'sheet-2019-03-14', 'agenda-2020-05-21']) {
      expect(await body(lang, name), name).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    }
  });

  it('no word and no date of any table is wider than its column (DejaVu Sans, 9 pt, bold in the header)', async () => {
    for (const name of Object.keys(documents(lang))) {
      for (const [n, t] of tables(await body(lang, name)).entries()) {
        for (const row of t.rows) {
          for (const [c, cell] of row.cells.entries()) {
            for (const piece of unbreakable(cell.text)) {
              expect(width(piece, cell.bold) + CELL_MARGINS, `${name}, table ${n + 1}, column ${c + 1}: «${piece}»`).toBeLessThanOrEqual(t.widths[c]!);
            }
          }
        }
      }
    }
  });

  it('every cell of a column is as wide as the column (w:tcW is w:gridCol)', async () => {
    for (const name of Object.keys(documents(lang))) {
      for (const [n, t] of tables(await body(lang, name)).entries()) {
        for (const row of t.rows) expect(row.cells.map((cell) => cell.width), `${name}, table ${n + 1}`).toEqual(t.widths);
      }
    }
  });

  it('while the text of a column wraps, no column is wider than its longest line whole: dates, names and numbers keep just their width', async () => {
    // «Решение» wrapped to two words a line ("Hold the / off-site / meeting in") beside «Срок» and «Выполнено» with room to spare.
    let wrapping = 0;
    for (const name of Object.keys(documents(lang))) {
      for (const [n, t] of tables(await body(lang, name)).entries()) {
        // Columns whose headers say the same around a date («На 31 августа 2019 г.», «На 30 июня 2020 г.») are one width.
        const form = (c: number) => t.rows[0]!.cells[c]!.text.split(' ').map((w) => (/\d/.test(w) ? '#' : w)).join(' ');
        const own = t.widths.map((_, c) => longestLine(t, c));
        const longest = own.map((_, c) => (form(c).includes('#') ? Math.max(...own.filter((__, o) => form(o) === form(c))) : own[c]!));
        if (own.every((l, c) => l <= t.widths[c]!)) continue;
        wrapping++;
        for (const [c, w] of t.widths.entries()) {
          if (roomToWrite(t, c)) continue;
          expect(w, `${name}, table ${n + 1}, column ${c + 1} («${t.rows[0]!.cells[c]!.text}»)`).toBeLessThanOrEqual(longest[c]! + MEASURE_SLACK);
        }
      }
    }
    expect(wrapping).toBeGreaterThan(5);
  });

  it('the decision is the widest column of every table of decisions, the report\'s and the minutes\'', async () => {
    const decision = new Set([CATALOGUES[lang].minutes.column.decision, CATALOGUES[lang].report.column.decision]);
    let seen = 0;
    for (const name of ['report-2019', 'report-season', 'minutes-2019-03-14', 'minutes-2019-06-20']) {
      for (const t of tables(await body(lang, name))) {
        const c = t.rows[0]!.cells.findIndex((cell) => decision.has(cell.text));
        if (c < 0) continue;
        seen++;
        for (const [other, w] of t.widths.entries()) {
          if (other !== c) expect(t.widths[c], `${name}: «${t.rows[0]!.cells[c]!.text}» beside «${t.rows[0]!.cells[other]!.text}»`).toBeGreaterThan(w);
        }
      }
    }
    expect(seen).toBeGreaterThanOrEqual(6);
  });

  it('the membership table\'s two dated headers break alike: both whole or neither, the same width for dates alike', async () => {
    // «На 31 декабря / 2018 г.» was broken beside an unbroken «На 31 декабря 2019 г.».
    for (const name of ['report-2019', 'report-season']) {
      const t = tables(await body(lang, name)).find((x) => x.rows[0]!.cells.length === 5 && x.rows[0]!.cells[2]!.text === CATALOGUES[lang].report.column.joined);
      expect(t, name).toBeDefined();
      const [before, after] = [1, 4].map((c) => t!.rows[0]!.cells[c]!);
      const whole = [1, 4].map((c) => width(t!.rows[0]!.cells[c]!.text, true) + CELL_MARGINS <= t!.widths[c]!);
      expect(whole[0], `${name}: «${before!.text}» and «${after!.text}»`).toBe(whole[1]);
      if (name === 'report-2019') expect(t!.widths[1]).toBe(t!.widths[4]);
      if (lang === 'ru') expect(whole, name).toEqual([true, true]);
    }
  });

  it('the attendance sheet keeps the room to sign: the signature column has its share of the width', async () => {
    for (const t of tables(await body(lang, 'sheet-2019-03-14'))) {
      const c = t.widths.length - 1;
      expect(roomToWrite(t, c)).toBe(true);
      expect(t.widths[c]!).toBeGreaterThanOrEqual(2400); // more than 4 cm
    }
  });

  const month = lang === 'ru'
    ? 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря'
    : 'January|February|March|April|May|June|July|August|September|October|November|December';
  const date = new RegExp(`\\d{1,2}[ \\u00a0](?:${month})[ \\u00a0]\\d{4}(?:[ \\u00a0]г\\.)?`, 'gu');

  it('every date in a table cell of every document has no-break spaces only («1 марта 2020 г.», "21 May 2020"), in Markdown and Word alike', () => {
    let seen = 0;
    for (const [name, doc] of Object.entries(documents(lang))) {
      for (const t of doc.blocks.filter((b) => b.kind === 'table')) {
        for (const cell of [t.header, ...t.rows].flat()) {
          for (const d of plainText(cell).match(date) ?? []) {
            seen++;
            expect(d, `${name}: «${plainText(cell)}»`).not.toContain(' ');
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(40);
  });

  it('the Word files of the plan, the minutes and the agenda keep them: their date columns are wide enough for a whole date', async () => {
    let seen = 0;
    for (const name of ['plan-season', 'plan-2019', 'minutes-2019-03-14', 'minutes-2019-06-20', 'agenda-2019-06-20', 'agenda-2020-05-21']) {
      for (const t of tables(await body(lang, name))) {
        for (const cell of t.rows.flatMap((r) => r.cells)) {
          for (const d of cell.text.match(date) ?? []) {
            seen++;
            expect(d, `${name}: «${cell.text}»`).not.toContain(' ');
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(15);
  });

  it('the report, upright: the meetings held keep their dates whole; a date with no room whole breaks only before its year', async () => {
    // Six columns on A4: «14 марта 2019 г.» broke into three lines in LibreOffice while «Санкт-Петербург» had its whole
    // width; now the city breaks after its hyphen first. The membership table's two dated headers have not the room
    // for both whole: one is «На 31 декабря» / «2018 г.», not «На 31» / «декабря» / «2018 г.».
    let held = 0;
    let seen = 0;
    for (const name of ['report-2019', 'report-season']) {
      for (const t of tables(await body(lang, name))) {
        const meetingsHeld = t.rows[0]!.cells.at(-1)!.text === CATALOGUES[lang].common.column.present;
        for (const cell of t.rows.flatMap((r) => r.cells)) {
          for (const d of cell.text.match(date) ?? []) {
            seen++;
            if (meetingsHeld) held++;
            expect(meetingsHeld ? d : d.replace(/ (?=\d{4}\b)/, '\u00a0'), `${name}: «${cell.text}»`).not.toContain(' ');
          }
        }
      }
    }
    expect(held).toBeGreaterThanOrEqual(4);
    expect(seen).toBeGreaterThan(held);
  });

  it('every heading of every document stays with what follows it (w:keepNext)', async () => {
    for (const name of Object.keys(documents(lang))) {
      const headings = paragraphs(await body(lang, name)).filter((p) => /<w:pStyle w:val="Heading\d"\/>/.test(p));
      expect(headings.length, name).toBeGreaterThan(0);
      for (const h of headings) expect(h, `${name}: ${textOf(h)}`).toContain('<w:keepNext/>');
    }
  });

  it('the minutes: the signatures stay with the text before them, the lead-in sentence with its table', async () => {
    for (const name of ['minutes-2019-03-14', 'minutes-2019-06-20']) {
      const ps = paragraphs(await body(lang, name));
      const first = ps.findIndex((p) => textOf(p).includes('_'.repeat(24)));
      expect(first, name).toBeGreaterThan(0);
      const signatures = ps.slice(first);
      expect(signatures.length, name).toBe(2);
      // The last paragraph of the text (the next meeting's date) keeps with the first line to sign, which keeps with the second.
      expect(ps[first - 1], name).toContain('<w:keepNext/>');
      expect(textOf(ps[first - 1]!), name).toMatch(lang === 'ru' ? /2020\u00a0г\.|2019\u00a0г\./ : /20(19|20)/);
      expect(signatures[0], name).toContain('<w:keepNext/>');
      for (const s of signatures) expect(s, name).toContain('<w:keepLines/>');
    }
    // 20 June 2019: «Контроль исполнения», its sentence and the table of decisions past due move to the next page together.
    const ps = paragraphs(await body(lang, 'minutes-2019-06-20'));
    const lead = ps.findIndex((p, i) => ps[i + 1] === '<w:p>TABLE</w:p>' && !/Heading/.test(p) && i > 0 && /Heading3/.test(ps[i - 1]!) && /:$/.test(textOf(p)));
    expect(lead).toBeGreaterThan(0);
    expect(ps[lead]).toContain('<w:keepNext/>');
  });

  it('the attendance sheet: every row but the header at least 1 cm tall (w:trHeight, hRule atLeast), text in the middle', async () => {
    const ts = tables(await body(lang, 'sheet-2019-03-14'));
    expect(ts.length).toBe(2);
    for (const t of ts) {
      const [header, ...rows] = t.rows;
      expect(header!.xml).not.toContain('<w:trHeight');
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        const h = r.xml.match(/<w:trHeight w:val="(\d+)" w:hRule="atLeast"\/>/);
        expect(h, r.xml.slice(0, 200)).not.toBeNull();
        expect(Number(h![1])).toBeGreaterThanOrEqual(567); // 1 cm in twentieths of a point
        expect(r.xml.match(/<w:vAlign w:val="center"\/>/g)?.length).toBe(r.cells.length);
      }
    }
    // Other tables keep the height of their text.
    expect(await body(lang, 'minutes-2019-03-14')).not.toContain('<w:trHeight');
  });
});

describe('a table too wide for its dates whole', () => {
  const date = '28\u00a0сентября\u00a02019\u00a0г.';
  const dayAndMonth = '28\u00a0сентября';
  const cellsOf = async (columns: number) => {
    const header = Array.from({ length: columns }, (_, n) => String.fromCharCode(65 + n));
    const doc: Doc = { title: 'Dates', header: 'Club', language: 'ru', blocks: [treeTable(header, [header.map(() => date)])] };
    const [t] = tables(docxParts(await toDocx(doc, { words: CATALOGUES.ru.docx, date: AS_OF }))['word/document.xml']!);
    return { widths: t!.widths, cells: t!.rows[1]!.cells };
  };
  it('lets the dates break before their year, the day kept with its month, all alike: columns alike break alike', async () => {
    // Five whole dates need more than the 17 cm of an upright page; five «28 сентября» do not. Four whole beside one
    // broken read as a mistake (the membership table's «На 31 декабря / 2018 г.» beside «На 31 декабря 2019 г.»).
    expect(5 * (width(date, false) + CELL_MARGINS)).toBeGreaterThan(11906 - 2 * 1134);
    const { widths, cells } = await cellsOf(5);
    expect(cells.map((cell) => cell.text)).toEqual(Array.from({ length: 5 }, () => '28\u00a0сентября 2019\u00a0г.')); // a plain space where a line may break
    expect(new Set(widths).size).toBe(1);
    for (const [c] of cells.entries()) expect(width(dayAndMonth, false) + CELL_MARGINS, `column ${c + 1}`).toBeLessThanOrEqual(widths[c]!);
  });
  it('and between their words, never inside one, when even that has no room', async () => {
    expect(8 * (width(dayAndMonth, false) + CELL_MARGINS)).toBeGreaterThan(11906 - 2 * 1134);
    const { widths, cells } = await cellsOf(8);
    expect(cells.map((cell) => cell.text)).toEqual(Array.from({ length: 8 }, () => '28 сентября 2019 г.'));
    for (const [c] of cells.entries()) expect(width('сентября', false) + CELL_MARGINS, `column ${c + 1}`).toBeLessThanOrEqual(widths[c]!);
  });
  it('breaks a word after its hyphen before it breaks a date', async () => {
    const city = 'Санкт-Петербург';
    const doc: Doc = { title: 'Dates', header: 'Club', language: 'ru', blocks: [treeTable(['Дата', 'A', 'B', 'C', 'D', 'E'], [[date, city, city, city, city, city]])] };
    const [t] = tables(docxParts(await toDocx(doc, { words: CATALOGUES.ru.docx, date: AS_OF }))['word/document.xml']!);
    // The date and five whole cities need more than the page; the date and five «Петербург» do not.
    expect(width(date, false) + 5 * width(city, false) + 6 * CELL_MARGINS).toBeGreaterThan(11906 - 2 * 1134);
    expect(t!.rows[1]!.cells[0]!.text).toBe(date);
    expect(width(date, false) + CELL_MARGINS).toBeLessThanOrEqual(t!.widths[0]!);
    for (const c of [1, 2, 3, 4, 5]) expect(width('Петербург', false) + CELL_MARGINS, `column ${c + 1}`).toBeLessThanOrEqual(t!.widths[c]!);
  });
});

describe.skipIf(soffice() === undefined)('LibreOffice lays out the plan on a landscape page', () => {
  let dir: string | undefined;
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  it('its PDF pages are 842 × 595 points (A4 sideways); the minutes stay upright', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'club-layout-'));
    const files = { plan: documents('ru')['plan-season']!, minutes: documents('ru')['minutes-2019-03-14']! };
    const jobs = await Promise.all(Object.entries(files).map(async ([name, doc]) => {
      const file = path.join(dir!, `${name}.docx`);
      writeFileSync(file, await toDocx(doc, { words: CATALOGUES.ru.docx, date: AS_OF }));
      return { file, format: 'pdf' as const, outdir: dir! };
    }));
    const [plan, minutes] = convertWithLibreOffice(jobs);
    expect(existsSync(plan!)).toBe(true);
    const boxes = (pdf: string) => [...readFileSync(pdf).toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes(plan!).length).toBeGreaterThan(0);
    for (const box of boxes(plan!)) expect(box).toEqual([842, 595]);
    for (const box of boxes(minutes!)) expect(box).toEqual([595, 842]);
  }, 120_000); // one LibreOffice start on a shared machine: room, not a limit under test
});
