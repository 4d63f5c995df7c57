import type { Loaded } from '../../model/club.js';
import { isMemberOn } from '../../model/membership.js';
import type { Diagnostic, FieldPath } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

/** The chair, attendees, apologies and presenters of a meeting were members on its date. */
export const attendance: Rule = (club) => {
  const out: Diagnostic[] = [];
  for (const meeting of club.meetings) {
    const d = meeting.data;
    const guestIds = new Set((d.guests ?? []).map((g) => g.id));
    const check = (path: FieldPath, id: string, role: string) => {
      if (guestIds.has(id)) return;
      const member = club.byId.members.get(id)?.data;
      if (!member || isMemberOn(member, d.date)) return;
      const when = member.left !== undefined && member.left <= d.date ? `had left on ${member.left}` : `joined only on ${member.joined}`;
      out.push(problem(meeting as Loaded<'meeting'>, path, 'not-a-member-on-date',
        `${role} \`${id}\` was not a member on ${d.date}: ${when}`,
        { hint: 'a person who is not a member takes part as a guest: list them under `guests`' }));
    };
    if (d.chair !== undefined) check(['chair'], d.chair, 'the chair');
    d.attendees?.forEach((id, i) => check(['attendees', i], id, 'attendee'));
    d.apologies?.forEach((id, i) => check(['apologies', i], id, 'apology from'));
    d.agenda?.forEach((item, i) => {
      if (item.presenter !== undefined) check(['agenda', i, 'presenter'], item.presenter, `the presenter of agenda item ${i + 1}`);
    });
  }
  return out;
};
