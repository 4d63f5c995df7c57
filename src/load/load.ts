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

  /**
   * `located`: `parsed.locate` has already been asked (and has worked the positions out): club.yaml's is then kept,
   * not made again when a rule points into it. Only club.yaml's: positions kept for every record of a large folder
   * read the way js-yaml reads would hold on to what "no positions yet" saves.
   */
  constructor(kind: RecordKind, f: TextFile, data: Record<string, unknown>, valid: boolean, parsed: ParsedRecord, located: boolean) {
    this.kind = kind;
    this.collection = f.collection as Collection;
    this.id = f.stem;
    this.file = f.file;
    this.data = data;
    this.valid = valid;
    this.#where = parsed.fast && !(located && f.collection === 'club') ? f : parsed.locate;
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
    const text = f.text;
    const parsed = parseRecord(f.file, text, pool);
    const outside = schemaPathOutside(text, f.collection, f.file, schemaLines);
    if (outside !== undefined) diagnostics.push(outside);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    const value = parsed.value;
    let problems = NONE;
    // Whether the file's own checks asked for a position: for a file read the fast way, its positions are then worked
    // out already (a parse of the text with js-yaml's events); club.yaml's record keeps them for the rules' diagnostics
    // (its `since: 2008`, then the shipped data's warnings about its countries: two such parses in every command).
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
      for (const d of problems) diagnostics.push(d);
    }
    f.release?.(); // every diagnostic of the file's own is made: positions from here on are worked out again, if asked
    const ok = value !== undefined && problems.length === 0 && !parsed.diagnostics.some((d) => d.severity === 'error');
    if (value === undefined) {
      if (f.collection !== 'club') club.unchecked[f.collection].add(f.stem);
      continue;
    }
    normalizeYears(kind, value);
    const record = new FileRecord(kind, f, value, ok, parsed, located);
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

function add<K extends RecordKind>(list: Loaded<K>[], index: Map<string, Loaded<K>>, record: Loaded<K>): void {
  list.push(record);
  // With a.yaml and a.yml both present the first one read wins; `duplicate-id` reports the other.
  if (!index.has(record.id)) index.set(record.id, record);
}
