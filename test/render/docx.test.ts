import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NextAttributeComponent, XmlComponent } from 'docx';
import type { Arbitrary } from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData, type LoadedData } from '../../src/cli/load-data.js';
import type { Io } from '../../src/cli/io.js';
import { paragraph, type Doc } from '../../src/render/doc-tree.js';
import { agendaDocument } from '../../src/render/agenda.js';
import { toDocx, toDocxThroughZip, writeAttributes, writeElement } from '../../src/render/docx.js';
import { toMarkdown } from '../../src/render/markdown.js';
import { minutesDocument } from '../../src/render/minutes.js';
import { planDocument } from '../../src/render/plan.js';
import { reportDocument } from '../../src/render/report.js';
import { rosterDocument } from '../../src/render/roster.js';
import { sheetDocument } from '../../src/render/sheet.js';
import { yearPeriod } from '../../src/query/period.js';
import { CATALOGUES } from '../../src/render/locale.js';
import { docxBlocks as readBlocks, docxHtml, docxParts, markdownBlocks, type TextBlock } from '../helpers/docx-check.js';
import { richFilesInLibreOffice, soffice as findSoffice } from '../helpers/libreoffice.js';
import { loadObjects } from '../helpers/load-tree.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');
const AS_OF = '2019-12-31';
const docxPngBytes = (docxFile: Uint8Array, name: string): Uint8Array => unzipSync(docxFile)[name]!;
/** A Word file rendered now: for the tests about rendering again (the same bytes each time). */
const render = (doc: Doc, date = AS_OF) => toDocx(doc, { words: CATALOGUES.en.docx, date });
/**
 * The Word file of a document tree, rendered once per tree and date in this file: the tests
 * that only READ a file (mammoth, the zip's parts, LibreOffice) share it. Rendering (docx,
 * and resvg for a report's charts) is most of this file's CPU.
 */
const renders = new WeakMap<Doc, Map<string, Promise<Uint8Array>>>();
function docx(doc: Doc, date = AS_OF): Promise<Uint8Array> {
  let byDate = renders.get(doc);
  if (byDate === undefined) renders.set(doc, (byDate = new Map()));
  let file = byDate.get(date);
  if (file === undefined) byDate.set(date, (file = render(doc, date)));
  return file;
}
/** What mammoth reads in a Word file, read once per file (the same bytes give the same blocks). */
const readings = new WeakMap<Uint8Array, Promise<TextBlock[]>>();
function docxBlocks(bytes: Uint8Array): Promise<TextBlock[]> {
  let blocks = readings.get(bytes);
  if (blocks === undefined) readings.set(bytes, (blocks = readBlocks(bytes)));
  return blocks;
}

const quietIo: Io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: ROOT, now: () => new Date(0) };

/** Every document the golden files cover, built from the rich fixture. */
function documents(data: LoadedData): Record<string, Doc> {
  const c = data.club;
  const meeting = (id: string) => c.byId.meetings.get(id)!;
  return {
    roster: rosterDocument(c, { asOf: AS_OF }),
    'roster-saint-petersburg-contacts': rosterDocument(c, { asOf: AS_OF, division: 'saint-petersburg', contacts: true }),
    'roster-2018': rosterDocument(c, { asOf: '2018-06-01' }),
    'agenda-2019-03-14-moscow': agendaDocument(c, meeting('2019-03-14-moscow')).doc,
    'agenda-2020-02-20-moscow': agendaDocument(c, meeting('2020-02-20-moscow')).doc,
    'minutes-2019-03-14-moscow': minutesDocument(c, meeting('2019-03-14-moscow')),
    'minutes-2019-06-20-pskov': minutesDocument(c, meeting('2019-06-20-pskov')),
    'plan-2019': planDocument(c, { ...yearPeriod(2019), year: 2019 }),
    'plan-2020': planDocument(c, { ...yearPeriod(2020), year: 2020 }),
    'report-2019': reportDocument(c, { ...yearPeriod(2019), year: 2019 }),
    'sheet-2020-02-20-moscow': sheetDocument(c, meeting('2020-02-20-moscow')),
  };
}

let docs: Record<string, Doc>;
let rich: LoadedData;
beforeAll(async () => {
  rich = await loadData({ data: RICH, asOf: AS_OF }, quietIo);
  docs = documents(rich);
});

describe('Word files say what the Markdown says (read by mammoth and by marked)', () => {
  it('every document: the same headings, paragraphs, list items and table cells, in the same order', async () => {
    for (const [name, doc] of Object.entries(docs)) {
      const word = await docxBlocks(await docx(doc));
      const markdown = markdownBlocks(toMarkdown(doc));
      expect(word, name).toEqual(markdown);
      expect(word.filter((b) => b.kind === 'table').length, name).toBeGreaterThan(0);
    }
  });

  it('the minutes end in signature lines for the chair and the secretary', async () => {
    const word = await docxBlocks(await docx(docs['minutes-2019-03-14-moscow']!));
    expect(word.slice(-2)).toEqual([
      { kind: 'p', text: `Chair ${'_'.repeat(24)} Petrova A.S.` },
      { kind: 'p', text: `Secretary ${'_'.repeat(24)} Wang Li` },
    ]);
  });

  it('is A4, with the club\'s name in the page header, page numbers in the footer, and table header rows repeated', async () => {
    const parts = docxParts(await docx(docs['report-2019']!));
    const body = parts['word/document.xml']!;
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const header = Object.entries(parts).find(([n]) => /^word\/header\d+\.xml$/.test(n))![1];
    expect(header).toContain('>Test Customs Attaché Club<');
    const footer = Object.entries(parts).find(([n]) => /^word\/footer\d+\.xml$/.test(n))![1];
    expect(footer).toMatch(/>Page <\/w:t>[\s\S]*PAGE[\s\S]*> of <\/w:t>[\s\S]*NUMPAGES/);
    const tables = body.match(/<w:tbl>/g)!.length;
    expect(tables).toBe(markdownBlocks(toMarkdown(docs['report-2019']!)).filter((b) => b.kind === 'table').length);
    expect(body.match(/<w:tblHeader\/>/g)?.length).toBe(tables);
    // Column widths follow the hints: the membership table's first column is the widest.
    expect(body).toMatch(/<w:tblLayout w:type="fixed"\/>/);
  });

  it('the same tree and date give the same bytes, rendering after rendering; another date changes only the file dates', async () => {
    const a = await docx(docs['report-2019']!); // this file's first rendering of it
    const b = await render(docs['report-2019']!);
    await render(docs.roster!); // ids drawn in between must not leak into the next file
    const c = await render(docs['report-2019']!);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(c).equals(Buffer.from(a))).toBe(true);
    const other = docxParts(await render(docs['report-2019']!, '2020-01-01'));
    expect(other['docProps/core.xml']).toContain('2020-01-01T00:00:00Z');
    expect(docxParts(a)['docProps/core.xml']).toContain('2019-12-31T00:00:00Z');
    expect(other['word/document.xml']).toBe(docxParts(a)['word/document.xml']);
  });
});

describe("docx's writing of elements and attributes, each made in one pass (writeElement, writeAttributes)", () => {
  const original = writeAttributes.original!;
  const originalElement = writeElement.original!;
  const write = (fn: typeof original, root: Record<string, { key: string; value: unknown }>) => Object.entries(fn.call({ root })._attr);

  it('are in place of docx\'s own, which they were taken from', () => {
    expect(typeof original).toBe('function');
    expect(typeof originalElement).toBe('function');
    expect(NextAttributeComponent.prototype.prepForXml).toBe(writeAttributes);
    expect(XmlComponent.prototype.prepForXml).toBe(writeElement);
  });

  it('a second copy of the module (another module registry) takes docx\'s own as its originals, not the first copy\'s writers', async () => {
    const attributes = NextAttributeComponent.prototype as unknown as { prepForXml: unknown };
    const elements = XmlComponent.prototype as unknown as { prepForXml: unknown };
    try {
      const second = '../../src/render/docx.js?second-copy'; // a name of its own: vitest loads the module again
      const copy = await import(second) as typeof import('../../src/render/docx.js');
      expect(copy.writeElement).not.toBe(writeElement); // a copy indeed, over the same docx
      expect(elements.prepForXml).toBe(copy.writeElement);
      expect(copy.writeElement.original).toBe(originalElement);
      expect(copy.writeAttributes.original).toBe(original);
    } finally {
      attributes.prepForXml = writeAttributes;
      elements.prepForXml = writeElement;
    }
  });

  it('the same attributes as docx\'s own, in the same order: undefined values left out, a repeated XML name in its first place with its last value (property)', async () => {
    const fc = (await import('fast-check')).default;
    const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.boolean(), fc.string({ maxLength: 4 }), fc.constantFrom('', '0', 'auto'));
    const attribute = fc.record({ key: fc.constantFrom('w:val', 'w:w', 'w:type', 'r:id', 'w:hint', '__proto__', '0', '1'), value });
    fc.assert(fc.property(fc.dictionary(fc.string({ maxLength: 3 }), attribute, { maxKeys: 8 }), (root) => {
      expect(write(writeAttributes, root)).toEqual(write(original, root));
    }), { numRuns: 300 });
  });

  it('the same element as docx\'s own: components written in order (or the parts they are written as), arrays spread one level, undefined left out, the element on the stack meanwhile (property)', async () => {
    const fc = (await import('fast-check')).default;
    // What a component writes, or a value in an element's content: nothing, text, a number, null, attributes, an element, or arrays of those.
    const leaf = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string({ maxLength: 3 }), fc.integer({ min: -1, max: 1 }),
      fc.constant({ _attr: { 'w:val': 1 } }), fc.constant({ _attr: undefined }), fc.constant({ 'w:b': {} }));
    const written = fc.oneof(leaf, fc.array(fc.oneof(leaf, fc.array(leaf, { maxLength: 2 })), { maxLength: 3 }));
    type Plan = { writes: unknown; none?: unknown } | { parts: { writes: unknown }[] } | { value: unknown };
    // A component written as itself has no parts: none given, or a falsy value (docx asks `writtenAs ? … : …`).
    const noParts = fc.constantFrom(undefined, null, false, 0, '');
    const plan: Arbitrary<Plan> = fc.oneof(fc.record({ writes: written, none: noParts }), fc.record({ parts: fc.array(fc.record({ writes: written }), { maxLength: 3 }) }), fc.record({ value: written }));
    /** The element's content as docx components would be, each noting what it saw of docx's stack when asked to write itself. */
    const element = (plans: Plan[], seen: unknown[]) => {
      const self = { rootKey: 'w:x', root: [] as unknown[] };
      const component = (writes: unknown, none?: unknown) => ({ prepForXml: (context: { stack: unknown[] }) => (seen.push(context.stack.length, context.stack.at(-1) === self), writes), writtenAs: none });
      self.root = plans.map((p) => ('value' in p ? p.value : 'writes' in p ? component(p.writes, p.none)
        : { prepForXml: () => { throw new Error('a component written as parts is not asked itself'); }, writtenAs: p.parts.map((part) => component(part.writes)) }));
      return self;
    };
    fc.assert(fc.property(fc.array(plan, { maxLength: 5 }), (plans) => {
      const writing = (fn: typeof writeElement) => {
        const seen: unknown[] = [];
        const context = { stack: ['outer'] as unknown[] };
        const result = fn.call(element(plans, seen), context);
        return { result, seen, stack: context.stack };
      };
      const ours = writing(writeElement);
      expect(ours).toEqual(writing(originalElement));
      expect(ours.stack).toEqual(['outer']);
    }), { numRuns: 300 });
  });

  it('the same Word files, byte for byte, as with docx\'s own: a report with tables, lists and charts, and one of hostile text', async () => {
    const files = [docs['report-2019']!, hostileDocs()[3]!];
    const attributes = NextAttributeComponent.prototype as unknown as { prepForXml: unknown };
    const elements = XmlComponent.prototype as unknown as { prepForXml: unknown };
    const theirs: Uint8Array[] = [];
    try {
      attributes.prepForXml = original;
      elements.prepForXml = originalElement;
      for (const doc of files) theirs.push(await render(doc));
    } finally {
      attributes.prepForXml = writeAttributes;
      elements.prepForXml = writeElement;
    }
    for (const [n, doc] of files.entries()) expect(Buffer.from(await docx(doc)).equals(Buffer.from(theirs[n]!)), doc.title).toBe(true);
  });
});

describe('toDocx takes the package from docx before it is zipped', () => {
  it('the same bytes as by docx\'s public Packer (its zip unzipped again): a report with charts, a document with a link and hostile text', async () => {
    const hostileReport = hostileDocs()[3]!;
    expect(hostileReport.blocks.some((b) => b.kind === 'image')).toBe(true);
    for (const doc of [docs['report-2019']!, hostileReport]) {
      const packed = await toDocxThroughZip(doc, { words: CATALOGUES.en.docx, date: AS_OF });
      expect(Buffer.from(packed).equals(Buffer.from(await docx(doc))), doc.title).toBe(true);
    }
    // The hostile report's link is renamed in both (rIdLink1): the parts that change are compared too.
    expect(docxParts(await docx(hostileReport))['word/_rels/document.xml.rels']).toContain('Id="rIdLink1"');
  });
});

/** The documents in Russian, as `--lang ru` builds them from the rich fixture. */
function russianDocuments(data: LoadedData): Record<string, Doc> {
  const c = data.club;
  const meeting = (id: string) => c.byId.meetings.get(id)!;
  return {
    roster: rosterDocument(c, { asOf: AS_OF, lang: 'ru' }),
    'agenda-2019-03-14-moscow': agendaDocument(c, meeting('2019-03-14-moscow'), 'ru').doc,
    'minutes-2019-03-14-moscow': minutesDocument(c, meeting('2019-03-14-moscow'), 'ru'),
    'minutes-2019-06-20-pskov': minutesDocument(c, meeting('2019-06-20-pskov'), 'ru'),
    'minutes-2019-11-28-saint-petersburg': minutesDocument(c, meeting('2019-11-28-saint-petersburg'), 'ru'),
    'sheet-2020-02-20-moscow': sheetDocument(c, meeting('2020-02-20-moscow'), 'ru'),
    'plan-2019': planDocument(c, { ...yearPeriod(2019), year: 2019 }, 'ru'),
    'plan-season-2019-2020': planDocument(c, { from: '2019-09-01', to: '2020-06-30' }, 'ru'),
    'report-2019': reportDocument(c, { ...yearPeriod(2019), year: 2019 }, 'ru'),
    'report-season-2019-2020': reportDocument(c, { from: '2019-09-01', to: '2020-06-30' }, 'ru'),
  };
}

describe('Russian documents in Word (read by mammoth and by marked)', () => {
  let ru: Record<string, Doc>;
  const ruRenders = new WeakMap<Doc, Promise<Uint8Array>>();
  const docxRu = (doc: Doc) => {
    let file = ruRenders.get(doc);
    if (file === undefined) ruRenders.set(doc, (file = toDocx(doc, { words: CATALOGUES.ru.docx, date: AS_OF })));
    return file;
  };
  beforeAll(() => {
    ru = russianDocuments(rich); // the fixture as loaded above: the documents are built from it, not written into it
  });

  it('every Russian document: the same headings, paragraphs, list items and table cells as its Markdown', async () => {
    for (const [name, doc] of Object.entries(ru)) {
      expect(doc.language, name).toBe('ru');
      const word = await docxBlocks(await docxRu(doc));
      expect(word, name).toEqual(markdownBlocks(toMarkdown(doc)));
      expect(word.filter((b) => b.kind === 'table').length, name).toBeGreaterThan(0);
    }
  });

  it('the minutes: «Протокол № 2», the Russian columns, signature lines for the chair and the secretary, no-break spaces kept', async () => {
    const file = await docxRu(ru['minutes-2019-06-20-pskov']!);
    const word = await docxBlocks(file);
    expect(word[0]).toEqual({ kind: 'h1', text: 'Тестовый клуб таможенных атташе: протокол № 2 за 2019 год' });
    expect(word[1]).toEqual({ kind: 'h2', text: 'Протокол № 2 выездного заседания 20 июня 2019 года' });
    expect(word).toContainEqual({ kind: 'table', rows: expect.arrayContaining([['№', 'Решение', 'Ответственный', 'Срок']]) });
    expect(word.slice(-2)).toEqual([
      // Signed as Russian documents sign: the initials first.
      { kind: 'p', text: `Председатель ${'_'.repeat(24)} А. С. Петрова` },
      { kind: 'p', text: `Секретарь ${'_'.repeat(24)} Wang Li` },
    ]);
    const parts = docxParts(file);
    // The no-break spaces reach Word as characters: «20 июня», «2019 г.», «Петрова А.С.» do not break.
    expect(parts['word/document.xml']).toContain('Петрова\u00a0А.С.');
    expect(parts['word/document.xml']).toContain('А.\u00a0С.\u00a0Петрова');
    expect(parts['word/document.xml']).toContain('20\u00a0июня 2019\u00a0г.');
    const footer = Object.entries(parts).find(([n]) => /^word\/footer\d+\.xml$/.test(n))![1];
    expect(footer).toMatch(/>Страница <\/w:t>[\s\S]*PAGE[\s\S]*> из\s<\/w:t>[\s\S]*NUMPAGES/);
  });

  it('the attendance sheet: the members by Russian country name, a column to sign', async () => {
    const word = await docxBlocks(await docxRu(ru['sheet-2020-02-20-moscow']!));
    const table = word.find((b) => b.kind === 'table')!;
    expect(table).toMatchObject({ rows: expect.arrayContaining([['№', 'Страна', 'Ф. И. О.', 'Организация', 'Подпись'], ['4', 'Россия', 'Иванов И.И.', 'Test Customs Service', '']]) });
  });
});

describe('Word files in Russian: club plan/report --format docx --lang ru, read back by mammoth', () => {
  const cases: Record<string, string[]> = {
    'plan-season-2019-2020': ['plan', '--from', '2019-09-01', '--to', '2020-06-30'],
    'report-2019': ['report', '--year', '2019'],
  };
  for (const [name, args] of Object.entries(cases)) {
    it(`${args.join(' ')}: the same blocks as the Russian Markdown, the Russian words, a Russian footer`, async () => {
      const dir = testdir({});
      const file = path.join(dir, `${name}.docx`);
      const common = ['--data', RICH, '--as-of', AS_OF, '--lang', 'ru'];
      const written = await runCli([...args, ...common, '--format', 'docx', '-o', file]);
      expect(written.code, written.stderr).toBe(0);
      const markdown = await runCli([...args, ...common]);
      expect(markdown.code, markdown.stderr).toBe(0);
      const bytes = new Uint8Array(readFileSync(file));
      const word = await docxBlocks(bytes);
      expect(word).toEqual(markdownBlocks(markdown.stdout));
      const text = JSON.stringify(word);
      // Russian fixed words, a date in the genitive with its no-break spaces, no English fixed word.
      expect(text).toContain(name.startsWith('plan') ? 'перенесено с 14 мая 2020 г.' : 'Посещаемость по странам');
      expect(text).toMatch(/Тестовый клуб таможенных атташе: (план работы|годовой отчёт)/);
      expect(text).not.toMatch(/\b(Month|Status|Membership|Attendance|Decisions|moved from|annual report)\b/);
      const parts = docxParts(bytes);
      expect(parts['word/styles.xml']).toMatch(/<w:lang w:val="ru"/); // spell-checking and hyphenation in Russian
      // The no-break spaces of Russian typography reach Word as they are (the readers above show them as spaces).
      expect(parts['word/document.xml']).toContain(name.startsWith('plan') ? 'с\u00a014\u00a0мая\u00a02020\u00a0г.' : 'по\u00a0странам');
      const footer = Object.entries(parts).find(([n]) => /^word\/footer\d+\.xml$/.test(n))![1];
      expect(footer).toMatch(/>Страница[ \u00a0]<\/w:t>[\s\S]*PAGE[\s\S]*> из[ \u00a0]<\/w:t>[\s\S]*NUMPAGES/);
      if (name.startsWith('report')) {
        // The charts reach Word as pictures whose SVG speaks Russian.
        const svgs = Object.entries(unzipSync(bytes)).filter(([n]) => n.endsWith('.svg')).map(([, b]) => Buffer.from(b).toString('utf8'));
        expect(svgs.length).toBe(3);
        for (const svg of svgs) expect(svg).toMatch(/<title>[^<]*[а-яё]/u);
      }
    }, 60_000); // two renders and a Word file on a shared machine: room, not a limit under test
  }
});

const LONG = 'Ж'.repeat(1000) + 'x'.repeat(1000) + '王'.repeat(1000);
const HOSTILE = {
  name: 'A|B <script>alert(1)</script> ]]> &amp; **x**',
  org: '<w:t>broken</w:t>\u0007\u001b[31m\u0000 bell',
  title: '"quotes" \'and\' `ticks` ~~s~~ [a](javascript:alert(1))',
};

let hostile: Doc[] | undefined;
/** The documents of the hostile club, built once for this file. */
function hostileDocs(): Doc[] {
  return (hostile ??= buildHostileDocs());
}

function buildHostileDocs(): Doc[] {
  const { club, diagnostics } = loadObjects({
    name: `Club ${HOSTILE.name}`, founded: '2002-12', timezone: 'Europe/Moscow',
    divisions: [{ id: 'moscow', city: 'Moscow', since: '2002-12' }],
    member_countries: [{ country: 'RU' }, { country: 'FI' }],
    positions: [{ id: 'chairman', title: HOSTILE.title }, { id: 'secretary', title: 'Secretary' }],
    outlets: [{ id: 'customs', name: HOSTILE.org, kind: 'magazine' }],
  }, {
    members: {
      a: { name: HOSTILE.name, country: 'RU', category: 'customs', division: 'moscow', joined: '2010', organization: HOSTILE.org, title: HOSTILE.title },
      b: { name: LONG, country: 'FI', category: 'embassy', division: 'moscow', joined: '2010', organization: HOSTILE.name },
    },
    officers: { 'chairman-a': { position: 'chairman', member: 'a', from: '2010' } },
    meetings: {
      m: {
        title: HOSTILE.title, date: '2019-06-20', start: '10:00', end: '12:00', kind: 'regular', division: 'moscow', status: 'held',
        venue: { name: HOSTILE.org, city: HOSTILE.name },
        guests: [{ id: 'g', name: HOSTILE.org, title: HOSTILE.name, organization: HOSTILE.title }],
        agenda: [{ title: HOSTILE.name, presenter: 'a', minutes: 20 }, { title: LONG, presenter: 'g', minutes: 10 }],
        attendees: ['a', 'b'], decisions: [HOSTILE.org, LONG],
      },
    },
    publications: {
      p: { title: HOSTILE.name, outlet: 'customs', date: '2019-07-01', url: 'javascript:alert(1)', meetings: ['m'] },
      q: { title: 'Safe', outlet: 'customs', date: '2019-07-02', url: 'https://fcs.example/a?b=1&c=2', meetings: ['m'] },
    },
  });
  // The schema itself now refuses a javascript: URL; the renderers refuse it again (doc-tree's link()).
  expect(diagnostics.filter((d) => d.severity === 'error' && d.file !== 'publications/p.yaml').map((d) => `${d.file}: ${d.message}`)).toEqual([]);
  const m = club.byId.meetings.get('m')!;
  return [rosterDocument(club, { asOf: AS_OF }), agendaDocument(club, m).doc, minutesDocument(club, m), reportDocument(club, { ...yearPeriod(2019), year: 2019 }), planDocument(club, { ...yearPeriod(2019), year: 2019 }), sheetDocument(club, m),
    // The Russian ones put the same values through the Russian catalogue and l.person.
    minutesDocument(club, m, 'ru'), sheetDocument(club, m, 'ru')];
}

describe('hostile values reach no Word field unescaped', () => {
  it('document.xml and every other part are well-formed XML; the text comes back as written; no javascript: link', async () => {
    for (const doc of hostileDocs()) {
      const bytes = await docx(doc);
      const parts = docxParts(bytes);
      for (const [name, text] of Object.entries(parts).filter(([n]) => /\.(xml|rels)$/.test(n))) {
        expect(XMLValidator.validate(text), `${doc.title}: ${name}`).toBe(true);
      }
      const body = parts['word/document.xml']!;
      expect(body).not.toContain('<script>');
      expect(body).not.toContain('<w:t>broken');
      expect(body).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      const rels = Object.entries(parts).filter(([n]) => n.endsWith('.rels')).map(([, t]) => t).join('\n');
      expect(rels).not.toMatch(/javascript:/i);
      // The reader gets back what the Markdown says, which is the data with control characters as spaces.
      expect(await docxBlocks(bytes), doc.title).toEqual(markdownBlocks(toMarkdown(doc)));
    }
  });

  it('the names come back whole: the 3,000-character name, the markup as text', async () => {
    const [roster, , minutes, report] = hostileDocs();
    const text = JSON.stringify(await docxBlocks(await docx(roster!)));
    expect(text).toContain(LONG);
    expect(text).toContain(JSON.stringify(HOSTILE.name).slice(1, -1));
    expect(JSON.stringify(await docxBlocks(await docx(minutes!)))).toContain('&lt;w:t&gt;broken'.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    const parts = docxParts(await docx(report!));
    // The https link is a hyperlink, with its & escaped in the relationship; the javascript: one is plain text.
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="https://fcs.example/a?b=1&amp;c=2" TargetMode="External"');
    expect(parts['word/document.xml']!.match(/<w:hyperlink /g)?.length).toBe(1);
  });
});

const soffice = findSoffice();
/**
 * The report and the attendance sheet converted to PDF by LibreOffice, in the one LibreOffice run
 * this worker makes for them and docx-charts.test's HTML (its start-up is most of a conversion's
 * CPU); the folder they are in, once this file's Word files are found to be the ones converted.
 */
async function libreOfficePdfs(): Promise<string> {
  const report = await docx(docs['report-2019']!);
  const sheet = await sheetDocx();
  const read = await richFilesInLibreOffice(async () => ({ report, sheet }));
  expect(Buffer.from(read.report).equals(Buffer.from(report))).toBe(true);
  expect(Buffer.from(read.sheet).equals(Buffer.from(sheet))).toBe(true);
  return read.dir;
}

describe('LibreOffice reads the Word files', () => {
  it.skipIf(soffice === undefined)('converts a report to PDF headless', async () => {
    const pdf = path.join(await libreOfficePdfs(), 'report.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
  if (soffice === undefined) {
    it('(skipped: LibreOffice is not installed; .ci/run installs libreoffice-writer-nogui)', () => {
      expect(soffice).toBeUndefined();
    });
  }
});

/** 14 March 2019's attendance sheet in Word, rendered once. */
let sheetFile: Promise<Uint8Array> | undefined;
const sheetDocx = () => (sheetFile ??= docx(sheetDocument(rich.club, rich.club.byId.meetings.get('2019-03-14-moscow')!)));

describe('the attendance sheet in Word', () => {
  // 14 March 2019: eight members (one sent apologies) and one invited guest.
  const sheet = sheetDocx;

  it('mammoth reads a members table and a guests table, each with an empty column to sign; apologies in italics', async () => {
    const bytes = await sheet();
    const tables = (await docxBlocks(bytes)).filter((b) => b.kind === 'table');
    expect(tables.map((t) => t.rows[0])).toEqual([
      ['No.', 'Country', 'Name', 'Organization', 'Signature'],
      ['No.', 'Name', 'Title and organization', 'Signature'],
    ]);
    expect(tables.map((t) => t.rows.length - 1)).toEqual([8, 1]);
    for (const t of tables) expect(t.rows.slice(1).map((r) => r.at(-1))).toEqual(t.rows.slice(1).map(() => ''));
    expect(tables[0]!.rows.slice(1).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const value = await docxHtml(bytes); // mammoth's HTML, as docxBlocks read it above
    expect(value).toContain('Schmidt H. <em>(apologies sent)</em>');
  });

  it('each table repeats its header on every page, keeps each row on one page, and leaves room to sign', async () => {
    const body = docxParts(await sheet())['word/document.xml']!;
    const tables = [...body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    expect(tables.length).toBe(2);
    for (const t of tables) {
      expect(t.match(/<w:tblHeader\/>/g)?.length).toBe(1);
      expect(t.match(/<w:cantSplit\/>/g)?.length).toBe(t.match(/<w:tr>|<w:tr /g)!.length);
      // The header row's runs are bold; the other rows' runs say nothing of bold (plain, as their style), not "bold off" each.
      const [header, ...rows] = [...t.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      expect(header!.match(/<w:r>/g)!.length).toBe(header!.match(/<w:rPr><w:b\/><w:bCs\/>/g)?.length);
      for (const row of rows) expect(row).not.toMatch(/<w:b[ />]/);
      const cols = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      // The signature column: at least 3 cm (1701 twentieths of a point) to sign in.
      expect(cols.at(-1)!).toBeGreaterThanOrEqual(1701);
    }
  });

  it.skipIf(soffice === undefined)('LibreOffice converts it to PDF headless (skipped when LibreOffice is not installed; .ci/run installs it)', async () => {
    expect(readFileSync(path.join(await libreOfficePdfs(), 'sheet.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('images (charts) in Word', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#36c"/></svg>';
  const withImage = (alt: string): Doc => ({
    title: 'Charts', header: 'Club', language: 'en',
    blocks: [paragraph('Before.'), { kind: 'image', alt, svg, width: 200, height: 100 }, paragraph('After.')],
  });
  it('embeds the SVG with a PNG fallback and the alt text, escaped, and the same bytes each time', async () => {
    const alt = 'Members by year <script> & "quotes"\u0007';
    const a = await render(withImage(alt));
    expect(Buffer.from(await render(withImage(alt))).equals(Buffer.from(a))).toBe(true);
    const parts = docxParts(a);
    expect(Object.keys(parts).some((n) => /^word\/media\/.+\.svg$/.test(n))).toBe(true);
    const png = Object.keys(parts).find((n) => /^word\/media\/.+\.png$/.test(n))!;
    // The fallback is the same picture drawn as PNG, twice its size in pixels (decoded by pngjs): blue all over.
    const picture = PNG.sync.read(Buffer.from(docxPngBytes(a, png)));
    expect([picture.width, picture.height]).toEqual([400, 200]);
    expect([...picture.data.subarray(0, 4)]).toEqual([0x33, 0x66, 0xcc, 255]);
    expect([...picture.data.subarray(-4)]).toEqual([0x33, 0x66, 0xcc, 255]);
    const body = parts['word/document.xml']!;
    expect(XMLValidator.validate(body)).toBe(true);
    expect(body).toContain('descr="Members by year &lt;script&gt; &amp; &quot;quotes&quot;"');
    // mammoth shows the picture as an <img> in a paragraph of its own, with no text.
    const value = await docxHtml(a);
    expect(value).toMatch(/<p>Before\.<\/p><p><img [^>]*alt="Members by year &lt;script&gt; &amp; &quot;quotes&quot;"[^>]*\/><\/p><p>After\.<\/p>/);
  });

  it('a PNG given in the tree is the fallback as given; none drawn', async () => {
    const given = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mP4//8/AAX+Av4zEpUUAAAAAElFTkSuQmCC'), (c) => c.charCodeAt(0));
    const doc: Doc = { ...withImage('x'), blocks: [{ kind: 'image', alt: 'x', svg, width: 200, height: 100, png: given }] };
    const a = await docx(doc);
    const png = Object.keys(docxParts(a)).find((n) => /^word\/media\/.+\.png$/.test(n))!;
    expect(Buffer.from(docxPngBytes(a, png)).equals(Buffer.from(given))).toBe(true);
  });
});

describe('any text reaches Word as text (property)', () => {
  it('a roster of names from any characters: well-formed XML, and mammoth reads what marked reads', async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.oneof(
      fc.string({ minLength: 1, maxLength: 8, unit: 'binary' }),
      fc.constantFrom('|', '<script>', ']]>', '&amp;', '\u0000', '\u0007', '\u001b[2J', '\r\n', '\t', '\ud800', '\ufffe', 'javascript:alert(1)', '</w:t>', '"', "'", 'Ж', '王', '🙂'),
    );
    const name = fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join('')).filter((s) => s.trim() !== '' && !/^\s|\s$/.test(s));
    // Several members a roster: each run puts three to six generated (name, organization) pairs
    // through Word and mammoth, in ten rosters rather than one pair in each of forty (a Word file
    // and its reading cost the same for one row as for six): as many generated names as before,
    // each drawn from the same space, a quarter of the Word files.
    const CLUB = {
      name: 'Club', founded: '2002-12', timezone: 'Europe/Moscow',
      divisions: [{ id: 'moscow', city: 'Moscow', since: '2002-12' }],
      member_countries: [{ country: 'RU' }], positions: [{ id: 'chairman', title: 'Chairman' }],
    };
    const member = (a: string, b: string) => ({ name: a, country: 'RU', category: 'customs', division: 'moscow', joined: '2010', organization: b });
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(name, name), { minLength: 3, maxLength: 6 }), async (pairs) => {
      const load = (ps: [string, string][]) => loadObjects(CLUB, { members: Object.fromEntries(ps.map(([a, b], i) => [`m${i}`, member(a, b)])) });
      const refused = (r: ReturnType<typeof load>) => r.diagnostics.some((d) => d.severity === 'error');
      // Text YAML cannot hold is not a name: a pair the loader refuses is left out of the roster.
      let loaded = load(pairs);
      let held = pairs;
      if (refused(loaded)) {
        held = pairs.filter((p) => !refused(load([p])));
        if (held.length === 0) return;
        loaded = load(held);
      }
      const { club, diagnostics } = loaded;
      expect(diagnostics.filter((d) => d.severity === 'error'), JSON.stringify(held)).toEqual([]);
      const doc = rosterDocument(club, { asOf: AS_OF });
      const bytes = await docx(doc);
      const body = docxParts(bytes)['word/document.xml']!;
      expect(XMLValidator.validate(body), JSON.stringify(held)).toBe(true);
      expect(await docxBlocks(bytes), JSON.stringify(held)).toEqual(markdownBlocks(toMarkdown(doc)));
    }), { numRuns: 10 });
  });
});
