import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseTree, CLUB_YAML, MEETING } from '../helpers/club-tree.js';
import { docxBlocks, type TextBlock } from '../helpers/docx-check.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

// An off-site meeting whose venue gives its Russian forms, and one that gives none (Izborsk: no city_ru anywhere).
const PSKOV = MEETING.replace('kind: regular', 'kind: off-site').replace(
  '  name: FCS headquarters\n  city: Moscow\n',
  '  name: Pskov customs post\n  name_ru: Псковский таможенный пост\n  address: 1 Novozavodskaya Street\n  address_ru: ул. Новозаводская, 1\n'
  + '  city: Pskov\n  city_ru: Псков\n  region: Pskov Oblast\n  region_ru: Псковская обл.\n',
);
const IZBORSK = MEETING.replace('date: 2019-06-20', 'date: 2019-09-12').replace('kind: regular', 'kind: off-site').replace('status: held', 'status: planned')
  .replace(/attendees: .*\napologies: .*\n/, '')
  .replace('  name: FCS headquarters\n  city: Moscow\n', '  name: Izborsk customs post\n  city: Izborsk\n  region: Pskov Oblast\n');
const RU_PLACE = 'Псковский таможенный пост, ул. Новозаводская, 1, Псков, Псковская обл.';
const EN_PLACE = 'Pskov customs post, 1 Novozavodskaya Street, Pskov, Pskov Oblast';

const folder = () => testdir({
  ...Object.fromEntries(Object.entries(baseTree()).map(([f, t]) => [`data/${f}`, f === 'club.yaml' ? CLUB_YAML : t])),
  'data/meetings/2019-06-20-pskov.yaml': PSKOV,
  'data/meetings/2019-09-12-izborsk.yaml': IZBORSK,
});

/** The Word file of a document, written with -o, and what mammoth reads in it. */
async function word(dir: string, args: string[], name: string): Promise<{ bytes: Buffer; text: string }> {
  const file = path.join(dir, name);
  const run = await runCli([...args, '--data', path.join(dir, 'data'), '--as-of', '2019-12-31', '-o', file]);
  expect(run.code, run.stderr).toBe(0);
  const bytes = readFileSync(file);
  return { bytes, text: (await docxBlocks(bytes)).map((b: TextBlock) => ('text' in b ? b.text : JSON.stringify(b))).join('\n') };
}

describe('a venue in Russian', () => {
  it('the Russian agenda and minutes in Word give the venue its Russian name, address, city and region; the English ones never', async () => {
    const dir = folder();
    for (const doc of ['agenda', 'minutes']) {
      const ru = await word(dir, [doc, '2019-06-20-pskov', '--lang', 'ru'], `${doc}.ru.docx`);
      expect(ru.text, doc).toContain(`Место: ${RU_PLACE}`);
      expect(ru.text, doc).not.toMatch(/Pskov|Novozavodskaya/);
      const en = await word(dir, [doc, '2019-06-20-pskov', '--lang', 'en'], `${doc}.en.docx`);
      expect(en.text, doc).toContain(`Place: ${EN_PLACE}`);
      expect(en.text, doc).not.toMatch(/\p{Script=Cyrillic}/u);
    }
  });

  it('a venue without Russian forms: its region from the table of regions, the rest as written', async () => {
    const dir = folder();
    const ru = await word(dir, ['agenda', '2019-09-12-izborsk', '--lang', 'ru'], 'izborsk.ru.docx');
    expect(ru.text).toContain('Место: Izborsk customs post, Izborsk, Псковская область');
    const plan = await runCli(['plan', '--year', '2019', '--lang', 'ru', '--data', path.join(dir, 'data'), '--as-of', '2019-12-31']);
    expect(plan.stdout).toContain('| Псков, Псковская обл. |');
    expect(plan.stdout).toContain('| Izborsk, Псковская область |');
  });

  it('the same data and date give the same bytes twice, in Russian and in English', async () => {
    const dir = folder();
    for (const lang of ['ru', 'en']) {
      const a = await word(dir, ['minutes', '2019-06-20-pskov', '--lang', lang], `a.${lang}.docx`);
      const b = await word(dir, ['minutes', '2019-06-20-pskov', '--lang', lang], `b.${lang}.docx`);
      expect(Buffer.compare(a.bytes, b.bytes), lang).toBe(0);
    }
  });
});
