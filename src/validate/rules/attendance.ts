import type { Loaded } from '../../model/club.js';
import { isMemberOn } from '../../model/membership.js';
import type { Diagnostic, FieldPath } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

/** The chair, attendees, apologies and presenters of a meeting were members on its date. */
export const attendance: Rule = (club) => {
  const out: Diagnostic[] = [];
  const members = club.byId.members;
  for (const meeting of club.meetings) {
    const d = meeting.data;
    const guestIds = d.guests === undefined || d.guests.length === 0 ? undefined : new Set(d.guests.map((g) => g.id));
    // The path and the role are made only for a person who was not a member: most people named were.
    const check = (id: string, field: 'chair' | 'attendees' | 'apologies' | 'agenda', i: number) => {
      if (guestIds?.has(id)) return;
      const member = members.get(id)?.data;
      if (!member || isMemberOn(member, d.date)) return;
      const [path, role]: [FieldPath, string] = field === 'chair' ? [['chair'], 'the chair']
        : field === 'agenda' ? [['agenda', i, 'presenter'], `the presenter of agenda item ${i + 1}`]
          : [[field, i], field === 'attendees' ? 'attendee' : 'apology from'];
      const when = member.left !== undefined && member.left <= d.date ? `had left on ${member.left}` : `joined only on ${member.joined}`;
      out.push(problem(meeting as Loaded<'meeting'>, path, 'not-a-member-on-date',
        `${role} \`${id}\` was not a member on ${d.date}: ${when}`,
        { hint: 'a person who is not a member takes part as a guest: list them under `guests`' }));
    };
    if (d.chair !== undefined) check(d.chair, 'chair', 0);
    if (d.attendees !== undefined) for (let i = 0; i < d.attendees.length; i++) check(d.attendees[i]!, 'attendees', i);
    if (d.apologies !== undefined) for (let i = 0; i < d.apologies.length; i++) check(d.apologies[i]!, 'apologies', i);
    if (d.agenda !== undefined) {
      for (let i = 0; i < d.agenda.length; i++) {
        const presenter = d.agenda[i]!.presenter;
        if (presenter !== undefined) check(presenter, 'agenda', i);
      }
    }
  }
  return out;
};
