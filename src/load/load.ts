import { parseRecord } from '../parse/yaml-record.js';
import { TextPool } from '../parse/fast-parse.js';
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
  text: string;
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

/** Parses and schema-checks every file, and indexes the records that pass. */
export function loadClub(files: readonly TextFile[], schemas: SchemaChecker): LoadResult {
  const club = emptyClub();
  const diagnostics: Diagnostic[] = [];
  const records: RawRecord[] = [];
  const pool = new TextPool(); // short texts, shared by every record of this folder
  for (const f of files) {
    club.files.push(f); // the file itself: a copy of its name, collection and stem per record adds up at 100,000
    const kind: RecordKind = f.collection === 'club' ? 'club' : KIND_OF[f.collection];
    const parsed = parseRecord(f.file, f.text, pool);
    diagnostics.push(...parsed.diagnostics);
    const problems = parsed.value === undefined ? [] : [...schemas.check(kind, parsed.value, f.file, parsed.locate), ...yearNotation(kind, parsed.value, f.text, f.file, parsed.locate)];
    diagnostics.push(...problems);
    const ok = parsed.value !== undefined && problems.length === 0 && !parsed.diagnostics.some((d) => d.severity === 'error');
    if (parsed.value !== undefined && f.collection !== 'club') {
      normalizeYears(kind, parsed.value);
      records.push({ collection: f.collection, id: f.stem, file: f.file, value: parsed.value, valid: ok, locate: parsed.locate });
    }
    if (!ok) {
      if (f.collection !== 'club') club.unchecked[f.collection].add(f.stem);
      continue;
    }
    if (f.collection === 'club') normalizeYears(kind, parsed.value!);
    const record = { kind, id: f.stem, file: f.file, data: parsed.value, locate: parsed.locate } as unknown as Loaded<RecordKind>;
    switch (f.collection) {
      case 'club':
        club.info = record as Loaded<'club'>;
        break;
      case 'members':
        add(club.members, club.byId.members, record as Loaded<'member'>);
        break;
      case 'officers':
        add(club.officers, club.byId.officers, record as Loaded<'officer'>);
        break;
      case 'meetings':
        add(club.meetings, club.byId.meetings, record as Loaded<'meeting'>);
        break;
      case 'publications':
        add(club.publications, club.byId.publications, record as Loaded<'publication'>);
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
