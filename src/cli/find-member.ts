import { UsageError } from '../errors/errors.js';
import { findByName } from '../model/search-text.js';
import type { Member } from '../model/types.js';
import { didYouMeanMember } from './choices.js';

type Members = ReadonlyMap<string, { data: Member }>;

export interface MemberLookup {
  /** Said before the message: `--attendee` for a flag, nothing for an argument. */
  label?: string;
  /**
   * Whether a part of a name (`иванов`, `张`), or a whole name only once transliterated (`张伟` for Zhang Wei / Чжан Вэй,
   * `王丽` for Wang Li / 王力), that found only one member is taken: yes where nothing is written (show); where a file is
   * written, only an id or a whole name as it is written is, and the rest is answered "did you mean".
   */
  guess?: boolean;
  /** Ids taken as they are although they are not in `members` (members whose files have errors, for the caller to refuse). */
  known?: (id: string) => boolean;
}

/** Ids as club makes them: such a value that names no one is left to the caller's own check of the id (with its did-you-mean). */
const ID_SHAPE = /^[a-z0-9][a-z0-9-]*$/;

const namesOf = (m: Member): string => [m.name, m.name_native].filter((n, i, all) => typeof n === 'string' && all.indexOf(n) === i).join(' / ');

/**
 * The member a value names, as `list --where name~` and the pickers find
 * people (search-text.ts findByName): the id; the whole name or native name as
 * it is written, case, spaces and accents aside (`Иванов И.П.`, `ivanov i.p.`,
 * `王立`); with `guess`, also a name in another script or a part of one
 * (`张伟` for Zhang Wei / Чжан Вэй, `иванов`). Several: a usage error that
 * lists them. A match that is not taken: a usage error that says which member
 * was meant, so that nothing is written to a member the secretary did not
 * name (王丽 and 王立 are both "Wang Li" transliterated, and neither is 王力).
 * Nothing found: undefined.
 */
export function memberNamed(value: string, members: Members, o: MemberLookup = {}): string | undefined {
  const v = value.trim();
  if (members.has(v) || o.known?.(v)) return v;
  const found = findByName(v, [...members].map(([id, m]) => ({ id, names: [m.data.name, m.data.name_native].filter((n) => typeof n === 'string') })));
  const label = o.label ? `${o.label}: ` : '';
  if (found.ids.length === 1 && ((found.whole && !found.transliterated) || o.guess)) return found.ids[0]!;
  if (found.transliterated && !o.guess) {
    const meant = [...found.ids].sort().map((id) => `\`${id}\` (${namesOf(members.get(id)!.data)})`).join(' or ');
    throw new UsageError(`${label}no member has the id or name \`${v}\` as it is written`,
      `did you mean ${meant}? (\`${v}\` matches only when transliterated, as other names that sound alike do; a command that writes takes an id or a name as it is written)`);
  }
  if (found.ids.length > 1) {
    const shown = found.ids.slice(0, 8).map((id) => `${id} (${namesOf(members.get(id)!.data)})`).join(', ');
    throw new UsageError(`${label}\`${v}\` is${found.transliterated ? ', transliterated, the name' : found.whole ? ' the name' : ' in the names'} of ${found.ids.length} members: ${shown}${found.ids.length > 8 ? ', …' : ''}`,
      'give the one you mean by its id');
  }
  if (found.ids.length === 1) {
    const id = found.ids[0]!;
    throw new UsageError(`${label}no member has the id or name \`${v}\``,
      `did you mean \`${id}\`? (\`${v}\` is part of the name ${namesOf(members.get(id)!.data)}; a command that writes takes an id or a whole name)`);
  }
  return undefined;
}

/**
 * A member given to a command that writes (an argument, a flag, a decision's
 * responsible): memberNamed, not guessing; a value shaped like an id that
 * names no one (or an empty one) is returned as it is, for the caller's check of the id; any
 * other value that finds no one is a usage error with the nearest members.
 */
export function memberArgument(value: string, members: Members, o: Omit<MemberLookup, 'guess'> = {}): string {
  const found = memberNamed(value, members, o);
  if (found !== undefined) return found;
  const v = value.trim();
  if (v === '' || ID_SHAPE.test(v)) return value;
  throw new UsageError(`${o.label ? `${o.label}: ` : ''}no member has the id or name \`${v}\``, didYouMeanMember(v, members) ?? 'list them with `club list members`');
}
