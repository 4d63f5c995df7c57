import type { Club, Loaded } from '../../model/club.js';
import type { Collection, RecordKind } from '../../model/types.js';
import type { Diagnostic, FieldPath } from '../../diagnostics/diagnostic.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import { problem, type Rule } from './rule.js';

interface Target {
  /** What the target is, in the secretary's words: `member`, `division`… */
  noun: string;
  exists(id: string): boolean;
  /** Ids to suggest from. */
  ids(): Iterable<string>;
  /** What to say when no id is near the one written: the ids there are, or where to find them. */
  otherwise(id: string): string;
}

function collectionTarget(club: Club, collection: Collection, noun: string): Target {
  const index = club.byId[collection];
  return {
    noun,
    exists: (id) => index.has(id) || club.unchecked[collection].has(id),
    ids: () => [...index.keys(), ...club.unchecked[collection]],
    otherwise: () => {
      const ids = [...index.keys(), ...club.unchecked[collection]].sort();
      if (ids.length === 0) return `there are no ${collection} yet`;
      if (ids.length <= 6) return `the ${collection} are: ${ids.map((c) => `\`${c}\``).join(', ')}`;
      return `no ${noun} id is near it; \`club list ${collection}\` shows them`;
    },
  };
}

/** A list of club.yaml (`divisions`, `positions`, `outlets`): short, so the hint can name every id in it. */
function listTarget(noun: string, list: string, ids: readonly string[] | undefined): Target | undefined {
  if (ids === undefined) return undefined; // club.yaml is broken: its own diagnostics say so
  return {
    noun, exists: (id) => ids.includes(id), ids: () => ids,
    otherwise: (id) => (ids.length === 0 ? `club.yaml lists no ${list}` : `the ${list} in club.yaml are: ${ids.map((c) => `\`${c}\``).join(', ')}`)
      + `; if \`${id}\` is a new one, add it to \`${list}\` in club.yaml`,
  };
}

const NO_GUESTS: readonly string[] = [];

/** Every id a record names resolves to a record or a club.yaml entry that exists. */
export const unknownReference: Rule = (club) => {
  const out: Diagnostic[] = [];
  const info = club.info?.data;
  const members = collectionTarget(club, 'members', 'member');
  const meetings = collectionTarget(club, 'meetings', 'meeting');
  const divisions = listTarget('division', 'divisions', info?.divisions.map((d) => d.id));
  const positions = listTarget('position', 'positions', info?.positions.map((p) => p.id));
  const outlets = listTarget('outlet', 'outlets', info ? (info.outlets ?? []).map((o) => o.id) : undefined);

  // The path is made only for an id that does not resolve (`field`, or `field[index]`): most do.
  const check = (record: Loaded<RecordKind>, field: string, index: number | undefined, id: string, target: Target | undefined, owner: string) => {
    if (target === undefined || target.exists(id)) return;
    const path: FieldPath = index === undefined ? [field] : [field, index];
    const hint = didYouMean(id, target.ids(), (c) => `${target.noun} \`${c}\``) ?? target.otherwise(id);
    out.push(problem(record, path, 'unknown-reference', `${owner} refers to ${target.noun} \`${id}\`, which does not exist`, { hint }));
  };

  for (const m of club.members) check(m, 'division', undefined, m.data.division, divisions, 'member');
  for (const t of club.officers) {
    check(t, 'position', undefined, t.data.position, positions, 'officer term');
    check(t, 'member', undefined, t.data.member, members, 'officer term');
  }
  for (const m of club.meetings) {
    const d = m.data;
    check(m, 'division', undefined, d.division, divisions, 'meeting');
    if (d.chair !== undefined) check(m, 'chair', undefined, d.chair, members, 'meeting chair');
    d.attendees?.forEach((id, i) => check(m, 'attendees', i, id, members, 'attendee list'));
    d.apologies?.forEach((id, i) => check(m, 'apologies', i, id, members, 'apologies list'));
    const guestIds = d.guests === undefined ? NO_GUESTS : d.guests.map((g) => g.id);
    d.agenda?.forEach((item, i) => {
      const id = item.presenter;
      if (id === undefined || guestIds.includes(id) || members.exists(id)) return;
      const hint = didYouMean(id, [...members.ids(), ...guestIds]);
      out.push(problem(m, ['agenda', i, 'presenter'], 'unknown-reference',
        `agenda item ${i + 1} names presenter \`${id}\`, who is neither a member nor a guest of this meeting`,
        { hint: hint ?? 'add the person to `guests` of this meeting, or as a member' }));
    });
    d.decisions?.forEach((decision, i) => {
      const id = typeof decision === 'string' ? undefined : decision.responsible;
      if (id === undefined || guestIds.includes(id) || members.exists(id)) return;
      const hint = didYouMean(id, [...members.ids(), ...guestIds]);
      out.push(problem(m, ['decisions', i, 'responsible'], 'unknown-reference',
        `decision ${i + 1} names \`${id}\` as responsible, who is neither a member nor a guest of this meeting`,
        { hint: hint ?? 'name a member, or a guest listed under `guests` of this meeting' }));
    });
  }
  for (const p of club.publications) {
    check(p, 'outlet', undefined, p.data.outlet, outlets, 'publication');
    p.data.meetings?.forEach((id, i) => check(p, 'meetings', i, id, meetings, 'publication'));
  }
  return out;
};
