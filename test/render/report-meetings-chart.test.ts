import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText, type Block, type Image, type Table } from '../../src/render/doc-tree.js';
import { CATALOGUES, LANGUAGES } from '../../src/render/locale.js';
import { reportDocument } from '../../src/render/report.js';
import { loadFolder } from '../helpers/load-folder.js';
import { ROOT } from '../helpers/run-cli.js';
import { all, xml } from '../helpers/xml-tree.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');
const SEASON = { from: '2019-09-01', to: '2020-06-30' };

describe("the season report's chart of meetings held: whole calendar years, and its title says so", () => {
  it.each(LANGUAGES)('%s: the 2019 bar counts the year\'s meetings before the season too, and the title names calendar years', async (lang) => {
    const { club } = await loadFolder(RICH);
    const doc = reportDocument(club, SEASON, lang);
    const words = CATALOGUES[lang];
    const blocks = doc.blocks as Block[];
    // The table of the period's meetings: held 1 (28 November 2019); March and June 2019 are before the season.
    const heldRow = blocks.filter((b): b is Table => b.kind === 'table').flatMap((t) => t.rows).find((r) => plainText(r[0]!) === words.report.held)!;
    expect(plainText(heldRow[1]!)).toBe('1');
    const chart = blocks.find((b): b is Image => b.kind === 'image' && b.title!.replace(/\u00a0/g, ' ') === words.chart.meetingsTitle.replace(/\u00a0/g, ' '))!;
    // The bars as fast-xml-parser reads the SVG: every held meeting of 2019 (14 March, 20 June, 28 November), none yet in 2020.
    const bars = all(xml.parse(chart.svg), 'rect').filter((r) => r.class === 'bar').map((r) => [r['data-category'], Number(r['data-value'])]);
    expect(bars).toEqual([['2019', 3]]);
    // So the title, in the SVG, the Mermaid and the alt text, says the bars are calendar years, not the season.
    const calendar = lang === 'en' ? /calendar year/ : /календарн/;
    expect(chart.title).toMatch(calendar);
    expect(all(xml.parse(chart.svg), 'text').filter((t) => t.class === 'title').map((t) => String(t['#text'])).join(' ')).toMatch(calendar);
    expect(chart.mermaid).toMatch(new RegExp(`title "[^"\n]*${calendar.source}`));
    expect(chart.alt).toMatch(calendar);
  });
});
