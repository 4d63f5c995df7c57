import { latest } from '../../model/dates.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

/** A publication does not report on a meeting that had not yet taken place (a warning). */
export const publicationBeforeMeeting: Rule = (club) => {
  const out: Diagnostic[] = [];
  for (const p of club.publications) {
    p.data.meetings?.forEach((id, i) => {
      const meeting = club.byId.meetings.get(id)?.data;
      if (meeting && latest(p.data.date) < meeting.date) {
        out.push(problem(p, ['meetings', i], 'publication-before-meeting',
          `the publication (${p.data.date}) predates the meeting \`${id}\` it reports on (${meeting.date})`,
          { severity: 'warning', hint: 'check the publication date or the meeting id' }));
      }
    });
  }
  return out;
};
