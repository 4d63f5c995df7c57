import { fastRecordLocator, parseRecord, type ParsedRecord } from '../parse/yaml-record.js';
import { TextPool } from '../parse/fast-parse.js';
import { schemaPathOutside } from '../parse/schema-line.js';
import type { Diagnostic, FieldPath } from '../diagnostics/diagnostic.js';
import type { SchemaChecker } from './schema-check.js';
import { emptyClub, type Club, type Loaded } from '../model/club.js';
import { normalizeYears } from '../model/normalize.js';
import { yearNotation } from './year-notation.js';
import { KIND_OF, type Collection, type RecordKind } from '../model/types.js';

export interface TextFile {
  file: string;
  collection: Collection | 'club';
  stem: string;
  readonly text: string;
  /** Called once the file is parsed and checked: a file that can read its text again may let it go. */
  release?(): void;
}

/** A record file that parsed into a mapping, whether or not it matches its schema: what queries can still show. */
export interface RawRecord {
  collection: Collection;
  id: string;
  file: string;
  value: Record<string, unknown>;
  valid: boolean;
  /** 1-based line and column of a field in the file. */
  locate(path: FieldPath, at?: 'value' | 'key'): { line: number; column: number };
}

export interface LoadResult {
  club: Club;
  /** Every record (not club.yaml) that could be parsed, valid or not, in file order. */
  records: RawRecord[];
  /** Parse and schema problems, file by file. */
  diagnostics: Diagnostic[];
}

type Locate = ParsedRecord['locate'];

/**
 * One record file as loaded: its RawRecord and, when it passed its schema, its
 * Loaded record too, in one object. A file read the fast way keeps no positions:
 * `locate` works them out from the file's text when a diagnostic first asks
 * (100,000 closures, contexts and second record objects took some 25 MB).
 */
class FileRecord {
  readonly kind: RecordKind;
  readonly collection: Collection;
  readonly id: string;
  readonly file: string;
  readonly data: Record<string, unknown>;
  readonly valid: boolean;
  /** The file to work positions out from (read the fast way), or the precise parser's locate. */
  #where: TextFile | Locate;

  /** `where`: the locate to keep, or undefined to work positions out from the file's text when first asked. */
  constructor(kind: RecordKind, f: TextFile, data: Record<string, unknown>, valid: boolean, where: Locate | undefined) {
    this.kind = kind;
    this.collection = f.collection as Collection;
    this.id = f.stem;
    this.file = f.file;
    this.data = data;
    this.valid = valid;
    this.#where = where ?? f;
  }

  get value(): Record<string, unknown> {
    return this.data;
  }

  locate(path: FieldPath, at?: 'value' | 'key'): { line: number; column: number } {
    if (typeof this.#where !== 'function') this.#where = fastRecordLocator(this.file, this.#where.text);
    return this.#where(path, at);
  }
}

const NONE: readonly Diagnostic[] = [];

/** What loadClub made of one file: its own diagnostics, its value (years normalized) and whether it passed. */
interface Outcome {
  schemas: SchemaChecker;
  diagnostics: readonly Diagnostic[];
  value: Record<string, unknown> | undefined;
  ok: boolean;
  /** The locate its record keeps (see checkFile), or undefined. */
  where: Locate | undefined;
}

/**
 * The outcome of each file of a folder that can read its text again (`release`: read-folder's files), for as long
 * as the file object lives. A writer checks the folder again with its change in place (authoring/change.ts
 * introducedBy, with the same file objects and checker): the files it does not change are then neither read
 * again nor parsed nor checked again, only the rules across records run again. Their values are shared by both
 * clubs: nothing changes a loaded value (the rules, queries and writers only read them).
 */
const outcomes = new WeakMap<TextFile, Outcome>();

/** Parses and schema-checks every file, and indexes the records that pass. */
export function loadClub(files: Iterable<TextFile>, schemas: SchemaChecker): LoadResult {
  const club = emptyClub();
  const diagnostics: Diagnostic[] = [];
  const records: RawRecord[] = [];
  const pool = new TextPool(); // short texts, shared by every record of this folder
  const schemaLines = new Map<string, boolean>();
  for (const f of files) {
    club.files.push(f); // the file itself: a copy of its name, collection and stem per record adds up at 100,000
    const kind: RecordKind = f.collection === 'club' ? 'club' : KIND_OF[f.collection];
    let outcome = f.release === undefined ? undefined : outcomes.get(f);
    if (outcome === undefined || outcome.schemas !== schemas) {
      outcome = checkFile(f, kind, schemas, pool, schemaLines);
      if (f.release !== undefined) outcomes.set(f, outcome);
    }
    for (const d of outcome.diagnostics) diagnostics.push(d);
    const { value, ok } = outcome;
    if (value === undefined) {
      if (f.collection !== 'club') club.unchecked[f.collection].add(f.stem);
      continue;
    }
    const record = new FileRecord(kind, f, value, ok, outcome.where);
    if (f.collection !== 'club') records.push(record as RawRecord);
    if (!ok) {
      if (f.collection !== 'club') club.unchecked[f.collection].add(f.stem);
      continue;
    }
    const loaded = record as unknown as Loaded<RecordKind>;
    switch (f.collection) {
      case 'club':
        club.info = loaded as Loaded<'club'>;
        break;
      case 'members':
        add(club.members, club.byId.members, loaded as Loaded<'member'>);
        break;
      case 'officers':
        add(club.officers, club.byId.officers, loaded as Loaded<'officer'>);
        break;
      case 'meetings':
        add(club.meetings, club.byId.meetings, loaded as Loaded<'meeting'>);
        break;
      case 'publications':
        add(club.publications, club.byId.publications, loaded as Loaded<'publication'>);
        break;
    }
  }
  return { club, records, diagnostics };
}

/** Reads, parses and schema-checks one file. */
function checkFile(f: TextFile, kind: RecordKind, schemas: SchemaChecker, pool: TextPool, schemaLines: Map<string, boolean>): Outcome {
  const text = f.text;
  const parsed = parseRecord(f.file, text, pool);
  const own: Diagnostic[] = [];
  const outside = schemaPathOutside(text, f.collection, f.file, schemaLines);
  if (outside !== undefined) own.push(outside);
  for (const d of parsed.diagnostics) own.push(d);
  const value = parsed.value;
  let problems = NONE;
  // Whether the file's own checks asked for a position: for a file read the fast way, its positions are then worked
  // out already (a parse of the text with js-yaml's events); club.yaml's record keeps them for the rules' diagnostics
  // (its `since: 2008`, then the shipped data's warnings about its countries: two such parses in every command).
  // Only club.yaml's: positions kept for every record of a large folder would hold on to what "no positions yet" saves.
  let located = false;
  const locate: Locate = (path, at) => {
    located = true;
    return parsed.locate(path, at);
  };
  if (value !== undefined) {
    problems = schemas.check(kind, value, f.file, locate);
    // A year simpleParse read was written as four digits (digitsOnly): no need to find it in the text, which
    // for a file read the fast way means reading the file again with positions (club.yaml's `since: 2008`, every command).
    const years = parsed.digitsOnly ? NONE : yearNotation(kind, value, text, f.file, locate);
    if (years.length > 0) problems = [...problems, ...years];
    for (const d of problems) own.push(d);
  }
  f.release?.(); // every diagnostic of the file's own is made: positions from here on are worked out again, if asked
  const ok = value !== undefined && problems.length === 0 && !parsed.diagnostics.some((d) => d.severity === 'error');
  if (value !== undefined) normalizeYears(kind, value);
  const where = parsed.fast && !(located && f.collection === 'club') ? undefined : parsed.locate;
  return { schemas, diagnostics: own.length === 0 ? NONE : own, value, ok, where };
}

function add<K extends RecordKind>(list: Loaded<K>[], index: Map<string, Loaded<K>>, record: Loaded<K>): void {
  list.push(record);
  // With a.yaml and a.yml both present the first one read wins; `duplicate-id` reports the other.
  if (!index.has(record.id)) index.set(record.id, record);
}
