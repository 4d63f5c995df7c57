import type { FieldPath } from '../diagnostics/diagnostic.js';
import type { Collection, RecordKind, RecordOf } from './types.js';

/** A record that passed its schema, with where it came from. */
export interface Loaded<K extends RecordKind> {
  kind: K;
  id: string;
  /** The file as shown to the user. */
  file: string;
  data: RecordOf[K];
  /** 1-based line and column of a field of this record in its file. */
  locate(path: FieldPath, at?: 'value' | 'key'): { line: number; column: number };
}

export interface RecordFile {
  file: string;
  collection: Collection | 'club';
  stem: string;
}

/** The whole club, indexed. Cross-record rules, queries and documents read this. */
export interface Club {
  info: Loaded<'club'> | undefined;
  members: Loaded<'member'>[];
  officers: Loaded<'officer'>[];
  meetings: Loaded<'meeting'>[];
  publications: Loaded<'publication'>[];
  byId: {
    members: Map<string, Loaded<'member'>>;
    officers: Map<string, Loaded<'officer'>>;
    meetings: Map<string, Loaded<'meeting'>>;
    publications: Map<string, Loaded<'publication'>>;
  };
  /**
   * Ids of records that exist but failed to parse or to match their schema.
   * They are left out of the lists above, and references to them are not
   * reported as dangling: the record's own diagnostics say what is wrong.
   */
  unchecked: Record<Collection, Set<string>>;
  /** Every record file that was read, valid or not. */
  files: RecordFile[];
}

export function emptyClub(): Club {
  return {
    info: undefined,
    members: [],
    officers: [],
    meetings: [],
    publications: [],
    byId: { members: new Map(), officers: new Map(), meetings: new Map(), publications: new Map() },
    unchecked: { members: new Set(), officers: new Set(), meetings: new Set(), publications: new Set() },
    files: [],
  };
}
