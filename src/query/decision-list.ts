import type { Club } from '../model/club.js';
import type { IsoDate } from '../model/types.js';
import { allDecisions, isOverdueOn, statusOf, type DecisionRow } from './decisions.js';
import type { FieldInfo } from './fields.js';
import { requireField } from './field-names.js';
import type { Row } from './output.js';
import { parseSort, sortRecords } from './sort.js';
import type { KnownValue } from './known-values.js';
import { matches, parseWhereFor } from './where.js';

/** What `club list decisions` can filter, sort and show. */
export const DECISION_FIELDS: readonly FieldInfo[] = [
  { path: 'id', type: 'text' },
  { path: 'meeting', type: 'text' },
  { path: 'date', type: 'date' },
  { path: 'no', type: 'number' },
  { path: 'text', type: 'text' },
  { path: 'responsible', type: 'text' },
  { path: 'due', type: 'date' },
  { path: 'done', type: 'date' },
  { path: 'status', type: 'text' },
  { path: 'overdue', type: 'boolean' },
];

export const DECISION_COLUMNS = ['meeting', 'no', 'text', 'responsible', 'due', 'done', 'status'];
const DECISION_SORT = ['date', 'meeting', 'no'];

/** Words that stand for a whole condition: `--where open` is `--where status=open`. */
const SHORTHANDS: Record<string, string> = {
  open: 'status=open',
  done: 'status=done',
  overdue: 'overdue=true',
};

/** A decision as a list row: its fields, with `status` (open or done) and `overdue` as of `today`. */
export function decisionRecord(d: DecisionRow, today: IsoDate): Row {
  return {
    id: `${d.meeting}#${d.no}`,
    value: {
      meeting: d.meeting,
      date: d.date,
      no: d.no,
      text: d.text,
      ...(d.responsible !== undefined ? { responsible: d.responsible } : {}),
      ...(d.due !== undefined ? { due: d.due } : {}),
      ...(d.done !== undefined ? { done: d.done } : {}),
      status: statusOf(d, today) === 'done' ? 'done' : 'open',
      overdue: isOverdueOn(d, today),
    },
  };
}

export interface DecisionQuery {
  where: string[];
  sort: string[];
  fields?: string[] | undefined;
  limit?: number | undefined;
  today: IsoDate;
}

/** The decisions of every held meeting, filtered, sorted and limited: pure, like the lists of records. */
export function listDecisions(club: Club, q: DecisionQuery): { rows: Row[]; columns: FieldInfo[]; warnings: string[] } {
  // meeting= names a meeting, responsible= a member or a guest of a meeting: a value that is none of them is warned about.
  const ids = (collection: string): KnownValue[] => (collection === 'meetings'
    ? club.meetings.map((m) => ({ code: m.id, names: [] }))
    : [...club.members.map((m) => ({ code: m.id, names: [m.data.name, m.data.name_native].filter((n): n is string => typeof n === 'string' && n !== '') })),
      ...club.meetings.flatMap((m) => (m.data.guests ?? []).map((g) => ({ code: g.id, names: [g.name] })))]);
  const parsed = q.where.map((w) => parseWhereFor(SHORTHANDS[w.trim().toLowerCase()] ?? w, DECISION_FIELDS, undefined, ids));
  const conditions = parsed.map((p) => p.condition);
  const warnings = parsed.flatMap((p) => (p.warning === undefined ? [] : [p.warning]));
  const keys = parseSort(q.sort.length > 0 ? q.sort : DECISION_SORT, DECISION_FIELDS);
  const columns = (q.fields ?? DECISION_COLUMNS).map((f) => requireField(f, DECISION_FIELDS, '--fields'));
  const rows = allDecisions(club)
    .map((d) => decisionRecord(d, q.today))
    .filter((r) => conditions.every((c) => matches({ id: r.id, ...r.value }, c)));
  const sorted = sortRecords(rows, keys, (r) => ({ id: r.id, ...r.value }));
  return { rows: q.limit === undefined ? sorted : sorted.slice(0, q.limit), columns, warnings };
}
