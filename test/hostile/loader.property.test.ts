import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compact, newRecordText } from '../../src/authoring/change.js';
import { loadClub } from '../../src/load/load.js';
import { parseRecord } from '../../src/parse/yaml-record.js';
import { createFileExclusive } from '../../src/store/create-file.js';
import { readDataFolder } from '../../src/store/read-folder.js';
import { RULES } from '../../src/validate/rules/index.js';
import { fieldCatalogue } from '../../src/query/fields.js';
import { runList } from '../../src/query/list.js';
import { formatRows } from '../../src/query/output.js';
import { CLUB_YAML } from '../helpers/club-tree.js';
import { schemaDocs, schemas } from '../helpers/load-tree.js';
import { testdir } from '../helpers/testdir.js';

const PIECES = [':', ': ', '-', '- ', ' ', '  ', '\n', '\t', '[', ']', '{', '}', ',', '&a ', '*a', '&b ', '*b', '!!str ', '!!binary ', '!x ', '#', "'", '"',
  '<<: ', '---\n', '...\n', '? ', '|', '>', '%YAML 1.1\n', '\\', 'name', 'country', 'RU', 'joined', '2019-01-01', '__proto__', 'constructor', '0x1F', '1e400', '.inf', '~', 'null', 'yes', '\uFEFF', '\r\n', 'Ж', '😀'];

/** Text that looks like YAML often enough to reach deep into the parser. */
const yamlish = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 60 }).map((p) => p.join(''));

describe('the loader never crashes', () => {
  it('random YAML-ish text gives a value or diagnostics, never an exception, and the rules run on whatever loads', () => {
    // The fields list can show and sort by: the same for every case (they come from the schemas).
    const catalogues = (['members', 'meetings'] as const).map((collection) => {
      const fields = fieldCatalogue(collection === 'members' ? 'member' : 'meeting', schemaDocs);
      const all = fields.map((f) => f.path);
      return { collection, fields, all, sort: ['country', '-date', 'name'].filter((f) => all.includes(f)) };
    });
    fc.assert(
      fc.property(yamlish, (text) => {
        const parsed = parseRecord('members/x.yaml', text);
        // Every diagnostic names the file and a line and column from 1, and the value is a mapping or nothing: one
        // assertion per case (not three per diagnostic; vitest's expect costs ~40 us a call, 1000 cases).
        expect({
          misplaced: parsed.diagnostics.filter((d) => d.file !== 'members/x.yaml' || !(d.line >= 1) || !(d.column >= 1)),
          valueIsMappingOrNothing: parsed.value === undefined || typeof parsed.value === 'object',
        }).toEqual({ misplaced: [], valueIsMappingOrNothing: true });
        const { club } = loadClub([
          { file: 'club.yaml', collection: 'club', stem: 'club', text: CLUB_YAML },
          { file: 'members/x.yaml', collection: 'members', stem: 'x', text },
          { file: 'meetings/m.yaml', collection: 'meetings', stem: 'm', text },
          { file: 'officers/o.yaml', collection: 'officers', stem: 'o', text },
        ], schemas);
        for (const rule of RULES) rule(club, '2020-01-15');
        // Queries read records with errors too: whatever loaded, every format prints it.
        const records = [{ collection: 'members' as const, id: 'x', file: 'members/x.yaml', value: parsed.value ?? {}, valid: false, locate: parsed.locate }];
        for (const { collection, fields, all, sort } of catalogues) {
          const { rows, columns } = runList(records.map((r) => ({ ...r, collection })), fields, { collection, where: [], sort, fields: all });
          for (const format of ['table', 'json', 'yaml', 'csv', 'md'] as const) formatRows(rows, columns, true, format);
        }
      }),
      { numRuns: 1000 },
    );
  }, 300_000); // CPU-bound: a minute and more of wall time on a loaded machine
});

const countries = (schemaDocs.defs as { $defs: { country: { enum: string[] } } }).$defs.country.enum;
const languages = (schemaDocs.defs as { $defs: { language: { enum: string[] } } }).$defs.language.enum;
const text = fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 12 })).filter((s) => s.trim() !== '');
const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const partial = fc.oneof(date, date.map((d) => d.slice(0, 7)), date.map((d) => d.slice(0, 4)));

/** Any member record the schema accepts. */
const memberRecord = fc.record({
  name: text,
  name_native: fc.option(text, { nil: undefined }),
  country: fc.constantFrom(...countries),
  category: fc.constantFrom('customs', 'embassy', 'participant'),
  organization: fc.option(text, { nil: undefined }),
  title: fc.option(text, { nil: undefined }),
  division: fc.constantFrom('moscow', 'saint-petersburg'),
  joined: partial,
  languages: fc.option(fc.uniqueArray(fc.constantFrom(...languages), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  notes: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
});

describe('records round-trip through write and read unchanged', () => {
  it('any valid member written by club reads back equal and valid', async () => {
    const dir = testdir({ 'members/.keep': '' });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(memberRecord, async (record) => {
        const id = `m-${n++}`;
        const file = path.join(dir, 'members', `${id}.yaml`);
        const clean = compact(record as Record<string, unknown>);
        await createFileExclusive(file, newRecordText(clean, '../../schemas/member.schema.json'), id);
        const back = parseRecord(`members/${id}.yaml`, readFileSync(file, 'utf8'));
        // No parse problem, the same fields, no schema problem: one assertion per record (1000 of them).
        const schemaProblems = back.value === undefined ? 'not read' : schemas.check('member', back.value, file, back.locate);
        expect({ diagnostics: back.diagnostics, value: { ...back.value }, schemaProblems }).toEqual({ diagnostics: [], value: clean, schemaProblems: [] });
      }),
      { numRuns: 1000 },
    );
    const { files } = await readDataFolder(dir, dir);
    expect(files.filter((f) => f.collection === 'members')).toHaveLength(n);
  }, 300_000);
});
