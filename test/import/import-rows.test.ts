import { describe, expect, it } from 'vitest';
import { mapColumns, parseMapFlag, doubleMapped } from '../../src/authoring/import-columns.js';
import { problemsOnSheet, readMemberRows, requiredWithoutColumn, type ImportContext } from '../../src/authoring/import-members.js';
import { countryReader } from '../../src/model/country-input.js';
import { excelSerialToIso, readDateText } from '../../src/model/date-input.js';
import { personId } from '../../src/model/record-id.js';
import type { Cell, Sheet } from '../../src/parse/spreadsheet.js';
import { nearestOf } from '../../src/diagnostics/suggest.js';

const CODES = ['RU', 'FI', 'CN', 'CZ', 'DE', 'KG'];
const text = (t: string): Cell => (t === '' ? { kind: 'empty' } : { kind: 'text', text: t });

function sheetOf(headers: string[], ...rows: (string | Cell)[][]): Sheet {
  return { headers, rows: rows.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => (typeof c === 'string' ? text(c) : c)) })) };
}

const ctx = (over: Partial<ImportContext> = {}): ImportContext => ({
  file: 'members.xlsx',
  codes: CODES,
  divisions: [{ id: 'moscow', city: 'Moscow', since: '2002-12' }, { id: 'saint-petersburg', city: 'Saint Petersburg', since: '2008' }],
  defaults: { category: 'customs', division: 'moscow' },
  existing: [{ id: 'muller-k', name: 'Müller K.', country: 'DE' }],
  taken: (id) => id === 'muller-k',
  ...over,
});

function read(sheet: Sheet, c = ctx()) {
  return readMemberRows(sheet, mapColumns(sheet.headers, new Map()).targets, c);
}

describe('columns found by header, in English or Russian', () => {
  it('places the usual headers and leaves the unknown one unplaced', () => {
    const m = mapColumns(['ФИО', 'Страна', 'E-mail', 'Эл. почта', 'Дата вступления', 'Joined', 'Хобби'], new Map());
    expect(m.targets).toEqual(['name', 'country', 'email', 'email', 'joined', 'joined', undefined]);
    expect(m.unplaced).toEqual([6]);
    expect(doubleMapped(['ФИО', 'Страна', 'E-mail', 'Эл. почта', 'Дата вступления', 'Joined', 'Хобби'], m.targets).map((d) => d.field)).toEqual(['email', 'joined']);
  });

  it('--map places a column by its header and may ignore one; a map naming no column is reported', () => {
    const m = mapColumns(['ФИО', 'Тел. моб.', 'Хобби'], new Map([['тел. моб.', 'phone'], ['Хобби', 'ignore'], ['Nope', 'notes']]));
    expect(m.targets).toEqual(['name', 'phone', 'ignore']);
    expect(m.unknownMaps).toEqual(['Nope']);
    expect(parseMapFlag('Remarks=notes')).toEqual({ header: 'Remarks', target: 'notes' });
    expect(parseMapFlag('Remarks=')).toEqual({ header: 'Remarks', target: 'ignore' });
    expect(parseMapFlag('Remarks=hobby')).toMatchObject({ error: expect.stringContaining('not a member field') });
  });

  it('a required field with neither column nor default is named', () => {
    expect(requiredWithoutColumn(['name', 'country', 'joined'], { defaults: {}, divisions: ctx().divisions })).toEqual(['category', 'division']);
    expect(requiredWithoutColumn(['name', 'country', 'joined'], { defaults: { category: 'customs' }, divisions: [ctx().divisions[0]!] })).toEqual([]);
  });
});

describe('a row that names a member by id, with --update', () => {
  it('needs no name: it updates that member with what it gives (without --update it is that member, already one); with an id no member has, it is "no name"', () => {
    const sheet = sheetOf(['Id', 'E-mail'], ['muller-k', 'k.mueller@example.org'], ['muler-k', 'k@example.org']);
    const [known, unknown] = read(sheet, ctx({ update: true, defaults: {} }));
    expect(known!.problems).toEqual([]);
    expect(known!).toMatchObject({ id: 'muller-k', duplicateOf: 'muller-k', record: { email: 'k.mueller@example.org' } });
    expect(unknown!.problems.map((d) => d.message)).toEqual(['no name', 'no country, which a new member needs: the sheet has no column for it',
      'no category, which a new member needs: the sheet has no column for it', 'no division, which a new member needs: the sheet has no column for it',
      'no joined, which a new member needs: the sheet has no column for it']);
    expect(unknown!.problems[0]!.hint).toBe('`muler-k` is no member\'s id, so the row is a new member, who needs a name (did you mean `muller-k`?)');
    // Without --update the row is still that member: already a member, as a named row is, not "no name".
    const [plain] = read(sheet, ctx({ defaults: {} }));
    expect(plain!.problems).toEqual([]);
    expect(plain!).toMatchObject({ id: 'muller-k', duplicateOf: 'muller-k', name: 'Müller K.' });
  });
});

describe('values read the way a person typed them', () => {
  it('countries by code, English or Russian name, or a common other name', () => {
    const r = countryReader(CODES);
    expect(['ru', 'Россия', 'РФ', 'Russian Federation', 'finland', 'Финляндия', 'Китай', 'КНР', 'Czech Republic', 'Чехия', 'Киргизия'].map((t) => r.read(t)))
      .toEqual(['RU', 'RU', 'RU', 'RU', 'FI', 'FI', 'CN', 'CN', 'CZ', 'CZ', 'KG']);
    expect(r.read('Finlnd')).toBeUndefined();
    expect(r.near('Finlnd', nearestOf)).toEqual(['Finland (FI)']);
    expect(r.near('Финляндiя', nearestOf)).toEqual(['Finland (FI)']);
  });

  it('dates in Russian, ISO and Excel forms; impossible dates are none', () => {
    expect(['16.06.2019', '1.6.2019', '16/06/2019', '2019-06-16', '06.2019', '2008', '16.06.2019 г.'].map(readDateText))
      .toEqual(['2019-06-16', '2019-06-01', '2019-06-16', '2019-06-16', '2019-06', '2008', '2019-06-16']);
    expect(['31.02.2019', '2019-13-01', 'June 2019', '16.06.19'].map(readDateText)).toEqual([undefined, undefined, undefined, undefined]);
    expect(excelSerialToIso(43632)).toBe('2019-06-16');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
  });

  it('names split by script, from one cell or two columns; ids as add-member makes them', () => {
    const rows = read(sheetOf(['ФИО', 'Name', 'Страна', 'Дата вступления'],
      ['Коноваленко С.А. / Konovalenko S.A.', '', 'Россия', '16.06.2019'],
      ['Петренко В.В.', '', 'RU', '2019-06-16'],
      ['', 'Virtanen M.', 'Finland', { kind: 'date', date: '2019-06-16' }],
      ['Виртанен А.', 'Virtanen A.', 'FI', { kind: 'number', value: 43632 }],
      ['Новак П. (Novák P.)', '', 'CZ', '2019']));
    expect(rows.map((r) => r.problems)).toEqual([[], [], [], [], []]);
    expect(rows.map((r) => [r.id, r.record!.name, r.record!.name_native, r.record!.joined])).toEqual([
      ['konovalenko-s-a', 'Konovalenko S.A.', 'Коноваленко С.А.', '2019-06-16'],
      [personId('Petrenko V.V.'), 'Petrenko V.V.', 'Петренко В.В.', '2019-06-16'],
      ['virtanen-m', 'Virtanen M.', undefined, '2019-06-16'],
      ['virtanen-a', 'Virtanen A.', 'Виртанен А.', '2019-06-16'],
      ['novak-p', 'Novák P.', 'Новак П.', '2019'],
    ]);
  });

  it('two people whose names make one id get the next free id; the same person twice is refused', () => {
    const rows = read(sheetOf(['Name', 'Country', 'Joined'], ['Wang Li', 'CN', '2019'], ['Wang Li', 'KG', '2019'], ['Wang Li', 'CN', '2019']));
    expect(rows.map((r) => r.id)).toEqual(['wang-li', 'wang-li-2', 'wang-li-3']);
    expect(rows[2]!.problems).toMatchObject([{ code: 'import-duplicate-row', line: 4, column: 1, path: 'Name', message: expect.stringContaining('row 2') }]);
  });

  it('a member the folder has (same name and country, or same id) is a duplicate, not a new record', () => {
    const rows = read(sheetOf(['ФИО', 'Страна', 'Joined', 'Id'],
      ['Мюллер К. / Müller K.', 'Германия', '2012', ''], ['Someone', 'RU', '2012', 'muller-k'], ['Müller K.', 'RU', '2012', '']));
    expect(rows.map((r) => r.duplicateOf)).toEqual(['muller-k', 'muller-k', undefined]);
    expect(rows[2]!.id).toBe('muller-k-2'); // same id made, another country: another person
  });
});

describe('problems named by row and column', () => {
  it('each bad cell is one diagnostic: code, row, column number and header, with did-you-mean', () => {
    const rows = read(sheetOf(['ФИО', 'Страна', 'Категория', 'Дата вступления', 'Языки'],
      ['Иванов И.И.', 'Финляндiя', 'таможня', '31.02.2019', 'русский, english, klingon'],
      ['Петров П.П.', 'RU', 'posolstvo', '2019', 'ru']));
    expect(rows[0]!.problems.map((p) => [p.code, p.line, p.column, p.path, p.hint])).toEqual([
      ['import-country', 2, 2, 'Страна', 'did you mean Finland (FI)?'],
      ['import-date', 2, 4, 'Дата вступления', expect.stringContaining('16.06.2019')],
      ['import-language', 2, 5, 'Языки', undefined],
    ]);
    expect(rows[1]!.problems).toMatchObject([{ code: 'import-category', line: 3, column: 3, path: 'Категория' }]);
    expect(rows[0]!.record).toMatchObject({ languages: ['ru', 'en'] });
  });

  it('hostile cells: formulas, control characters, novels', () => {
    const rows = read(sheetOf(['Name', 'Country', 'Joined', 'Organization', 'Notes', 'Phone'],
      ["=cmd|' /C calc'!A0", 'RU', '2019', '', '', ''],
      ['A B.', { kind: 'formula', formula: 'HYPERLINK("http://x")' }, '2019', '', '', ''],
      ['C D.', 'RU', '2019', 'Bad\u0007bell', '', ''],
      ['E F.', 'RU', '2019', 'x'.repeat(3000), '', '+7 495 000-00-00'],
      ['G H.', 'RU', '2019', '@SUM(1)', 'line one\nline two', '']));
    expect(rows.map((r) => r.problems.map((p) => `${p.code}@${p.column}`))).toEqual([
      ['import-formula@1'], // and no second "no name" for the same cell
      ['import-formula@2'],
      ['import-control-character@4'],
      ['import-too-long@4'],
      ['import-formula@4'],
    ]);
    expect(rows[3]!.problems[0]!.message).toContain('3000 characters');
  });

  it('a folder check on a written file is placed back on the row and column it came from', () => {
    const sheet = sheetOf(['ФИО', 'Эл. почта'], ['Иванов И.И.', 'not-an-address']);
    const rows = read(sheet, ctx({ defaults: { category: 'customs', division: 'moscow', country: 'RU', joined: '2019' } }));
    const placed = problemsOnSheet([{ code: 'schema-format', severity: 'error', message: 'not an e-mail', file: 'data/members/ivanov-i-i.yaml', line: 5, column: 8, path: 'email' }],
      new Map([['data/members/ivanov-i-i.yaml', rows[0]!]]), sheet, 'members.xlsx');
    expect(placed).toEqual([{ code: 'schema-format', severity: 'error', message: 'not an e-mail', file: 'members.xlsx', line: 2, column: 2, path: 'Эл. почта' }]);
  });
});
