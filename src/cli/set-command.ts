import { applyAssignments, changingAssignments, keptTranslations, parseAssignment, parseUnset, type Assignment } from '../authoring/set-fields.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from '../errors/errors.js';
import { KIND_OF, type Collection, type RecordKind } from '../model/types.js';
import type { Io } from './io.js';
import type { LoadedData } from './load-data.js';
import { didYouMeanMember } from './choices.js';
import { memberNamed } from './find-member.js';
import { writeChange, type WriteHooks, type WriteOptions } from './write-change.js';

/**
 * The record an id names: `club` is club.yaml; any other id is looked up in
 * every collection, and else as a member's id or whole name as it is written, Latin or native
 * (find-member.ts): `club set 李明 …`, `club set "Иванов И.П." …`. A part of
 * a name, or a name only transliterated (`张伟` for Чжан Вэй), is not taken here, as a file is written: it is answered "did you mean".
 */
export function findRecord(data: LoadedData, id: string): { collection: Collection | 'club'; kind: RecordKind; id: string } {
  if (id === 'club') return { collection: 'club', kind: 'club', id: 'club' };
  const found: { collection: Collection }[] = data.records.filter((r) => r.id === id);
  // A file that does not parse is no record, but it can still be edited.
  if (found.length === 0) found.push(...data.files.filter((f) => f.stem === id && f.collection !== 'club') as { collection: Collection }[]);
  if (found.length === 0) {
    const member = memberNamed(id, data.club.byId.members, { guess: false });
    if (member !== undefined) return { collection: 'members', kind: 'member', id: member };
    const near = didYouMean(id, [...data.records.map((r) => r.id), 'club']) ?? didYouMeanMember(id, data.club.byId.members);
    throw new UsageError(`no record has the id or name \`${id}\``, near ?? 'list the ids with `club list members` (or officers, meetings, publications); `club` is club.yaml');
  }
  if (found.length > 1) {
    throw new UsageError(`the id \`${id}\` is in ${found.map((f) => f.collection).join(' and ')}`, 'rename one of the files first');
  }
  return { collection: found[0]!.collection, kind: KIND_OF[found[0]!.collection], id };
}

async function change(id: string, assignments: readonly Assignment[], options: WriteOptions, io: Io, verb: string, hooks: WriteHooks = {}): Promise<number> {
  await writeChange(options, io, (data) => {
    const target = findRecord(data, id);
    // Only what changes a value is applied and named in the commit message: `name_native=王小明` where it already
    // is 王小明 is neither written (not even re-quoted) nor said to be set. With none, the change is empty: nothing to change.
    let changed: readonly Assignment[] = assignments;
    return {
      creates: [],
      edits: [{ collection: target.collection, id: target.id, apply: (doc) => {
        changed = changingAssignments(doc, target.kind, assignments, data.schemaDocs);
        applyAssignments(doc, target.kind, changed, data.schemaDocs);
      }, warnings: (text, file) => keptTranslations(text, file, target.id, changed) }],
      get message() { return `${verb} ${[...new Set(changed.map((a) => a.field))].join(', ')} of ${target.id}`; },
    };
  }, hooks);
  return 0;
}

/** `club set <id> FIELD=VALUE…`: sets, appends to (`+=`) or removes from (`-=`) fields of one record, or of club.yaml. */
export async function setCommand(id: string, args: readonly string[], options: WriteOptions, io: Io): Promise<number> {
  if (args.length === 0) throw new UsageError('nothing to set', 'e.g. club set vasiltsov-d-v title="Customs Counsellor" email=vasiltsov@example.org');
  const assignments = args.map(parseAssignment);
  // `email=` means "no e-mail": that is unset, not a value the field's form then refuses as ``.
  const empty = assignments.find((a) => a.op === '=' && a.value.trim() === '');
  if (empty !== undefined) throw new UsageError(`${empty.field}= gives no value`, `to remove ${empty.field}, run \`club unset ${id} ${empty.field}\``);
  return change(id, assignments, options, io, 'Set');
}

/** `club unset <id> FIELD…`: removes fields. */
export async function unsetCommand(id: string, fields: readonly string[], options: WriteOptions, io: Io): Promise<number> {
  if (fields.length === 0) throw new UsageError('nothing to unset', 'e.g. club unset konovalenko-s-a notes');
  const assignments = fields.map(parseUnset);
  // A required field cannot be removed, only changed: "correct the values above" would point at values nobody gave.
  const refusedHint = (errors: readonly Diagnostic[]): string | undefined => {
    const required = [...new Set(assignments.map((a) => a.field))].filter((field) => {
      const name = /([^.[\]]+)\]?$/.exec(field)?.[1] ?? field;
      return errors.some((e) => e.code === 'missing-field' && e.message.endsWith(`required field \`${name}\``));
    });
    if (required.length === 0) return undefined;
    const list = required.map((f) => `\`${f}\``).join(' and ');
    return `${list} ${required.length === 1 ? 'is' : 'are'} required, so ${required.length === 1 ? 'it' : 'they'} cannot be removed; to change ${required.length === 1 ? 'it' : 'them'}, use \`club set ${id} ${required.map((f) => `${f}=…`).join(' ')}\``;
  };
  return change(id, assignments, options, io, 'Unset', { refusedHint });
}
