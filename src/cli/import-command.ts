import { schemaCountryCodes } from '../model/countries.js';
import { readdir, readFile, stat } from '../store/fs-async.js';
import path from 'node:path';
import { editYamlText } from '../authoring/edit-yaml.js';
import { parseDocument, type Document } from 'yaml';
import { compact, errorsIntroduced, newRecordText } from '../authoring/change.js';
import { doubleMapped, knownHeaders, mapColumns, MEMBER_FIELDS, parseMapFlag, type ColumnTarget, type MemberField } from '../authoring/import-columns.js';
import { problemsOnSheet, readMemberRows, requiredWithoutColumn, type ImportContext, type ImportRow } from '../authoring/import-members.js';
import type { TextFile } from '../load/load.js';
import { KIND_OF } from '../model/types.js';
import { cellText, formatOfName, readSheet, SHEET_LIMITS, SpreadsheetError, type Sheet } from '../parse/spreadsheet.js';
import { printable } from '../report/printable.js';
import { formatSheetProblem } from '../report/sheet-problems.js';
import { recordSchemaPath } from '../store/schema-copy.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { EXIT, IoError, RefusedError, UsageError } from '../errors/errors.js';
import type { Io } from './io.js';
import { loadData, type LoadedData } from './load-data.js';
import { canPrompt, makePrompter, type Prompter } from './prompter.js';
import { setAfter, writeChange, type RecordEdit, type WriteOptions } from './write-change.js';

export interface ImportOptions extends WriteOptions {
  input?: boolean;
  map: string[];
  default: string[];
  sheet?: string;
  skipInvalid?: boolean;
  update?: boolean;
}

const FIELD_HELP: Record<MemberField, string> = {
  id: 'the file name, instead of one made from the name',
  name: 'the name (Latin, native, or both as "Коноваленко С.А. / Konovalenko S.A.")',
  name_native: 'the name in the person\'s own script',
  country: 'the country represented (name in English or Russian, or code)',
  category: 'customs, embassy or participant',
  organization: 'service, embassy or body',
  title: 'job title',
  division: 'division id or city',
  joined: 'date joined',
  left: 'date left',
  email: 'e-mail',
  phone: 'phone',
  languages: 'languages (names or codes)',
  notes: 'free text',
};

async function readSpreadsheet(file: string, io: Io, sheetName?: string): Promise<{ sheet: Sheet; shown: string }> {
  const absolute = path.resolve(io.cwd, file);
  const shown = path.relative(io.cwd, absolute).split(path.sep).join('/') || file;
  if ((await stat(absolute).catch(() => undefined))?.isDirectory()) throw await folderNotSheet(absolute, shown, io);
  const format = formatOfName(file);
  if (format === undefined) {
    // A workbook of another program (LibreOffice, Numbers, Excel's binary format) is one save away from being read.
    const other = /\.(ods|fods|numbers|xlsb|et|gsheet)$/i.exec(file)?.[1];
    throw new UsageError(`${file}: not a spreadsheet this reads`, other === undefined
      ? 'give a .csv or .xlsx file'
      : `club reads .xlsx and .csv, not .${other.toLowerCase()}: open it in its spreadsheet program and save it as .xlsx, or as CSV (UTF-8)`);
  }
  if (format === 'xls') throw new RefusedError(`${shown}: old Excel 97–2003 workbooks (.xls) are not read`, 'open it in a spreadsheet program and save it as .xlsx, or as CSV (UTF-8)');
  let bytes: Buffer;
  try {
    const s = await stat(absolute);
    if (!s.isFile()) throw new IoError(`${shown} is not a file`);
    if (s.size > SHEET_LIMITS.fileBytes) {
      throw new RefusedError(`${shown}: the file is ${Math.round(s.size / 1024 / 1024)} MiB; at most ${SHEET_LIMITS.fileBytes / 1024 / 1024} MiB is read`,
        'split it, or remove what is not member data');
    }
    bytes = await readFile(absolute);
  } catch (error) {
    if (error instanceof RefusedError || error instanceof IoError) throw error;
    throw new IoError(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  try {
    return { sheet: await readSheet(bytes, format, sheetName), shown };
  } catch (error) {
    if (error instanceof SpreadsheetError) throw new RefusedError(`${shown}: ${error.message}; nothing was imported`, error.hint);
    throw error;
  }
}

/**
 * A folder given where a spreadsheet is wanted (exit 3, as `-o FOLDER`): the hint names the spreadsheets in it
 * that club reads, so the command to run is at hand.
 */
async function folderNotSheet(absolute: string, shown: string, io: Io): Promise<IoError> {
  const sheets = (await readdir(absolute, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile() && /\.(csv|xlsx)$/i.test(e.name)).map((e) => e.name).sort();
  const quote = (f: string) => (/^[\w./-]+$/.test(f) ? f : `'${f.replace(/'/g, "'\\''")}'`);
  const inside = (name: string) => quote(path.relative(io.cwd, path.join(absolute, name)).split(path.sep).join('/'));
  const hint = sheets.length === 0
    ? 'give one spreadsheet file (.csv or .xlsx); this folder has none'
    : `give one of its spreadsheets, e.g. club import members ${inside(sheets[0]!)}${sheets.length > 1 ? ` (it has ${sheets.length}: ${sheets.slice(0, 5).map(printable).join(', ')}${sheets.length > 5 ? ', …' : ''})` : ''}`;
  return new IoError(`${shown} is a folder; club import members reads one spreadsheet file (.csv or .xlsx)`, hint);
}

/** The column, other than `col`, that fills `target` already: two columns may fill the name (its two scripts), not another field. */
function holder(targets: readonly (ColumnTarget | undefined)[], target: ColumnTarget, col: number): number | undefined {
  if (target === 'ignore' || target === 'name' || target === 'name_native') return undefined;
  const i = targets.findIndex((t, j) => j !== col && t === target);
  return i < 0 ? undefined : i;
}

/** Asks, at a terminal, what each column that could not be placed is for. */
async function askColumns(p: Prompter, io: Io, sheet: Sheet, targets: (ColumnTarget | undefined)[], unplaced: number[]): Promise<void> {
  const choices = [
    ...MEMBER_FIELDS.map((f) => ({ name: `${f}: ${FIELD_HELP[f]}`, value: f as ColumnTarget })),
    { name: 'ignore: do not import this column', value: 'ignore' as ColumnTarget },
  ];
  const maps: string[] = [];
  for (const col of unplaced) {
    const header = sheet.headers[col] || `column ${col + 1}`;
    const sample = sheet.rows.map((r) => r.cells[col]).filter((c) => c !== undefined && c.kind !== 'empty').slice(0, 3).map((c) => cellText(c!));
    const question = `Column "${printable(header)}"${sample.length ? ` (e.g. ${sample.map((s) => printable(s.slice(0, 30))).join(', ')})` : ''}: which field?`;
    let target = await p.select(question, choices);
    // A field another column fills already (only the name may come in two columns): said now, and asked again.
    for (let other = holder(targets, target, col); other !== undefined; other = holder(targets, target, col)) {
      const held = sheet.headers[other] || `column ${other + 1}`;
      io.stderr.write(`column "${printable(held)}" is ${target} already; choose another field for "${printable(header)}", or ignore
`);
      target = await p.select(question, choices, target);
    }
    targets[col] = target;
    maps.push(`--map "${header.replace(/"/g, '\\"')}=${target}"`);
  }
  io.stderr.write(`next time, without questions: ${maps.map(printable).join(' ')}\n`);
}

/**
 * The text add-member would write for a record, at the path it would write it. `schemaPath` is the one every new member
 * names (memberSchemaPath): looked up once, not once a row (each asks the disk whether the repository has a schemas/ copy).
 */
function newFile(data: LoadedData, io: Io, id: string, record: Record<string, unknown>, schemaPath: string): TextFile & { absolute: string } {
  const absolute = path.join(data.dataDir, 'members', `${id}.yaml`);
  const file = path.relative(io.cwd, absolute).split(path.sep).join('/');
  return { absolute, file, collection: 'members', stem: id, text: newRecordText(compact(record), schemaPath) };
}

/** Sets the row's values on an existing member's file, keeping its comments and key order. */
function applyUpdate(record: Record<string, unknown>): (doc: Document) => void {
  return (doc) => {
    for (const field of MEMBER_FIELDS) {
      if (field === 'id' || record[field] === undefined) continue;
      const current = doc.toJS()?.[field];
      if (JSON.stringify(current) === JSON.stringify(record[field])) continue;
      const order = MEMBER_FIELDS.slice(1, MEMBER_FIELDS.indexOf(field)).reverse();
      const after = order.find((f) => doc.has(f)) ?? 'name';
      setAfter(doc, field, record[field], after);
    }
  };
}

/** `club import members FILE`: members from a spreadsheet, checked row by row and with the folder, written as one change. */
export async function importMembersCommand(file: string, options: ImportOptions, io: Io): Promise<number> {
  const maps = new Map<string, ColumnTarget>();
  for (const m of options.map) {
    const parsed = parseMapFlag(m);
    if ('error' in parsed) throw new UsageError(parsed.error);
    maps.set(parsed.header, parsed.target);
  }
  const defaults: Partial<Record<MemberField, string>> = {};
  for (const d of options.default) {
    const eq = d.indexOf('=');
    const field = d.slice(0, eq).trim() as MemberField;
    if (eq <= 0 || !MEMBER_FIELDS.includes(field) || field === 'id' || field === 'name') {
      throw new UsageError(`--default takes FIELD=VALUE for a member field (not id or name), not \`${d}\``, `the fields: ${MEMBER_FIELDS.slice(2).join(', ')}`);
    }
    defaults[field] = d.slice(eq + 1).trim();
  }

  const { sheet, shown } = await readSpreadsheet(file, io, options.sheet);
  const data = await loadData(options, io);

  const mapping = mapColumns(sheet.headers, maps);
  if (mapping.unknownMaps.length > 0) {
    throw new UsageError(`--map names ${mapping.unknownMaps.map((h) => `"${h}"`).join(', ')}, which ${mapping.unknownMaps.length === 1 ? 'is not a column' : 'are not columns'} of ${shown}`,
      `its columns: ${sheet.headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ')}`);
  }
  const targets = mapping.targets;
  // A column with no header and nothing in it is nothing; one with values must be placed like any other.
  let unplaced = mapping.unplaced;
  sheet.headers.forEach((h, i) => {
    if (h === '' && targets[i] === 'ignore' && !maps.has(h) && sheet.rows.some((r) => r.cells[i] !== undefined && r.cells[i]!.kind !== 'empty')) {
      targets[i] = undefined;
      unplaced = [...unplaced, i];
    }
  });
  unplaced.sort((a, b) => a - b);
  if (unplaced.length > 0) {
    if (canPrompt(io, options.input)) await askColumns(await makePrompter(io), io, sheet, targets, unplaced);
    else {
      const lines = unplaced.map((i) => {
        const h = sheet.headers[i] || `column ${i + 1}`;
        const near = didYouMean(h, knownHeaders(), (c) => `"${c}"`);
        return `  column "${printable(h)}"${near ? `: ${near}` : ''}`;
      });
      throw new UsageError(`${shown}: ${unplaced.length === 1 ? 'a column is' : `${unplaced.length} columns are`} not a member field this knows:\n${lines.join('\n')}`,
        `say what each is for with --map "Column=field" (fields: ${MEMBER_FIELDS.join(', ')}), or --map "Column=ignore"; at a terminal you are asked`);
    }
  }
  const twice = doubleMapped(sheet.headers, targets);
  if (twice.length > 0) {
    throw new UsageError(`${shown}: ${twice.map((t) => `columns ${t.headers.map((h) => `"${h}"`).join(' and ')} are both ${t.field}`).join('; ')}`,
      'tell one to be ignored with --map "Column=ignore", or give it another field');
  }

  const info = data.club.info?.data;
  const codes = schemaCountryCodes(data.schemaDocs.defs);
  const ctx: ImportContext = {
    file: shown,
    codes,
    divisions: info?.divisions ?? [],
    defaults,
    existing: data.records.filter((r) => r.collection === 'members').map((r) => ({
      id: r.id, name: r.value.name as string | undefined, name_native: r.value.name_native as string | undefined, country: r.value.country as string | undefined,
      fields: new Set(Object.keys(r.value).filter((k) => r.value[k] !== undefined && r.value[k] !== null)),
    })),
    taken: (id) => data.records.some((r) => r.collection === 'members' && r.id === id) || data.club.unchecked.members.has(id),
    update: options.update === true,
  };
  const rows = readMemberRows(sheet, targets, ctx);
  // Only a new member needs every required field: a sheet of members the folder has may give just what changes. A sheet
  // of new members only is refused as a whole; a new row among members the folder has, on its row (readMemberRows).
  const missing = requiredWithoutColumn(targets, ctx);
  if (missing.length > 0 && rows.every((r) => r.duplicateOf === undefined && r.unsure !== true)) {
    // Whose name a new row has, even so: `zhang-wei-2, Zhang Wei` is not zhang-wei.
    for (const r of rows) for (const note of r.notes ?? []) io.stderr.write(`${printable(shown)}: row ${r.row}: ${printable(note)}\n`);
    throw new UsageError(`${shown}: no column for ${missing.join(', ')}, which every new member needs`,
      `add ${missing.length === 1 ? 'a column' : 'columns'}, map ${missing.length === 1 ? 'one' : 'them'} with --map "Column=${missing[0]}", or give every row the same value with --default ${missing[0]}=VALUE`);
  }
  // Two rows for one member the folder has: with --update, the same values are one update; other values, a problem.
  const firstOf = new Map(rows.map((r) => [r.row, r]));
  const copies = new Set<ImportRow>();
  if (options.update) {
    for (const r of rows) {
      const first = r.sameMemberAs === undefined ? undefined : firstOf.get(r.sameMemberAs);
      if (first === undefined || r.record === undefined) continue;
      if (JSON.stringify(first.record) === JSON.stringify(r.record)) copies.add(r);
      else {
        const col = r.columnOf.name ?? r.columnOf.name_native;
        r.problems.push({ code: 'import-duplicate-row', severity: 'error', file: shown, line: r.row, column: col === undefined ? 0 : col + 1,
          path: col === undefined ? '' : sheet.headers[col] || `column ${col + 1}`,
          message: `${r.name ?? r.id} is already a member (${r.duplicateOf}), and row ${first.row} updates it too, with other values`, hint: 'keep one of the two rows' });
      }
    }
  }
  const problems: Diagnostic[] = rows.flatMap((r) => r.problems);
  const bad = new Set(rows.filter((r) => r.problems.length > 0));

  /** The records of `some` rows checked with the whole folder: the problems placed on their rows, and those of other files. */
  const check = (some: ImportRow[]) => {
    const changed: TextFile[] = [];
    const schemaPath = recordSchemaPath(data.dataDir, path.join(data.dataDir, 'members'), KIND_OF.members);
    const rowOfFile = new Map<string, ImportRow>();
    for (const r of some) {
      let f: TextFile;
      if (r.duplicateOf !== undefined) {
        const before = data.files.find((x) => x.collection === 'members' && x.stem === r.id);
        if (before === undefined) continue;
        f = { ...before, text: editText(before.text, r.record!) };
      } else f = newFile(data, io, r.id!, r.record!, schemaPath);
      changed.push(f);
      rowOfFile.set(f.file, r);
    }
    const introduced = errorsIntroduced(data.diagnostics, data.files, changed, data.checker, data.today);
    return { introduced, rowOfFile, found: problemsOnSheet(introduced, rowOfFile, sheet, shown), other: introduced.filter((d) => !rowOfFile.has(d.file)) };
  };
  const wanted = (r: ImportRow) => r.record !== undefined && !copies.has(r) && (r.duplicateOf === undefined || options.update);

  // Each problem of a row in one run: a row with a problem of its own (a bad date) is also checked with the folder, as far as
  // its good cells go (a country that is not a member). Only problems of values the row gave count: the value a bad cell
  // left out ("joined is required") is the problem already shown. Alone, so that it cannot fail a good row or another file.
  const rowBad = rows.filter((r) => r.problems.length > 0 && wanted(r));
  if (rowBad.length > 0) {
    const { introduced, rowOfFile } = check(rowBad);
    for (const d of introduced) {
      const r = rowOfFile.get(d.file);
      const field = /^[a-z_]+/.exec(d.path)?.[0];
      if (r === undefined || field === undefined || (r.record as Record<string, unknown>)[field] === undefined) continue;
      problems.push(...problemsOnSheet([d], rowOfFile, sheet, shown));
    }
  }

  // The records, checked with the whole folder; with --skip-invalid the rows with problems are left out and the rest checked again.
  let candidates: ImportRow[] = [];
  for (let round = 0; round < 5; round++) {
    candidates = rows.filter((r) => !bad.has(r) && wanted(r));
    const { found, other } = check(candidates);
    if (found.length === 0 && other.length === 0) break;
    for (const d of found) {
      problems.push(d);
      for (const r of rows) if (r.row === d.line) bad.add(r);
    }
    // An error in a file the import does not write (a rule that now fails for an officer, say) is on no row: refuse the whole import.
    if (other.length > 0) {
      for (const d of other) io.stderr.write(`${printable(d.file)}:${d.line}:${d.column}: ${printable(d.message)}  [${d.code}]\n`);
      throw new RefusedError(`the import would make other records invalid; nothing was written`);
    }
    if (!options.skipInvalid) break;
  }

  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const unique = problems.filter((d, i) => i === 0 || formatSheetProblem(d) !== formatSheetProblem(problems[i - 1]!));
  for (const d of unique) io.stderr.write(`${formatSheetProblem(d)}\n`);
  for (const r of rows) {
    if (!bad.has(r)) for (const note of r.notes ?? []) io.stderr.write(`${printable(shown)}: row ${r.row}: ${printable(note)}\n`);
  }
  const duplicates = rows.filter((r) => r.duplicateOf !== undefined && !bad.has(r));
  if (!options.update) {
    for (const r of duplicates) {
      io.stderr.write(`${printable(shown)}: row ${r.row}: ${printable(r.name ?? '')} is already a member (${r.duplicateOf}); not imported again (--update updates it)\n`);
    }
  }
  if (bad.size > 0 && !options.skipInvalid) {
    throw new RefusedError(`${bad.size} of ${rows.length} rows of ${shown} ${bad.size === 1 ? 'has a problem' : 'have problems'}; nothing was written`,
      'correct the rows above and run the import again, or pass --skip-invalid to import the good rows now');
  }
  if (bad.size > 0) {
    io.stderr.write(`skipped ${bad.size} row${bad.size === 1 ? '' : 's'} with problems: ${[...bad].map((r) => r.row).sort((a, b) => a - b).join(', ')}\n`);
  }

  const creates = candidates.filter((r) => !bad.has(r) && r.duplicateOf === undefined);
  const updates = candidates.filter((r) => !bad.has(r) && r.duplicateOf !== undefined);
  // Values, not text: a row equal to the record is no update, however its text would come out.
  const changedUpdates = updates.filter((r) => {
    const before = data.files.find((x) => x.collection === 'members' && x.stem === r.id)!;
    const current = (parseDocument(before.text).toJS() ?? {}) as Record<string, unknown>;
    const differs = MEMBER_FIELDS.some((f) => f !== 'id' && r.record![f] !== undefined && JSON.stringify(current[f]) !== JSON.stringify(r.record![f]));
    return differs && editText(before.text, r.record!) !== before.text;
  });
  if (options.update && updates.length > changedUpdates.length) {
    io.stderr.write(`${updates.length - changedUpdates.length} existing member${updates.length - changedUpdates.length === 1 ? ' is' : 's are'} already as in the sheet\n`);
  }
  if (creates.length === 0 && changedUpdates.length === 0) {
    io.stderr.write(`nothing to import from ${shown}\n`);
    return EXIT.ok;
  }
  const what = [creates.length > 0 ? `${creates.length} new member${creates.length === 1 ? '' : 's'}` : '',
    changedUpdates.length > 0 ? `${changedUpdates.length} update${changedUpdates.length === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');

  const edits: RecordEdit[] = changedUpdates.map((r) => ({ collection: 'members', id: r.id!, apply: applyUpdate(r.record!) }));
  const written = await writeChange(options, io, () => ({
    creates: creates.map((r) => ({ collection: 'members', id: r.id!, record: r.record! })),
    edits,
    message: `Import ${what} from ${path.basename(shown)}`,
  }));
  if (!options.dryRun && written.length === 0) return EXIT.ok;
  io.stderr.write(options.dryRun ? `dry run: would import ${what} from ${shown}\n` : `imported ${what} from ${shown}\n`);
  return EXIT.ok;
}

/** An existing member's file with the row's values set. */
function editText(before: string, record: Record<string, unknown>): string {
  // As writeChange writes it: a row whose values equal the record's gives the same text (not a folded notes: >- on one line, nor LF for CR LF).
  return editYamlText(before, applyUpdate(record));
}
