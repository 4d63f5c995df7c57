import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

const DATED_ID = /^(\d{4}-\d{2}-\d{2})-/;

/**
 * A meeting whose id starts with a date other than its own was moved by hand:
 * links and file names say one day, the record another. A move made with
 * `club reschedule --keep-id` records the id's date in `moved_from` and is fine.
 */
export const meetingIdDate: Rule = (club) => {
  const out: Diagnostic[] = [];
  for (const m of club.meetings) {
    const idDate = DATED_ID.exec(m.id)?.[1];
    const { date, moved_from: moves = [] } = m.data;
    if (idDate === undefined || idDate === date) continue;
    if (moves.some((move) => move.id === m.id && move.date === idDate)) continue;
    out.push(problem(m, ['date'], 'meeting-id-date',
      `the meeting \`${m.id}\` is dated ${date}, but its id says ${idDate}`,
      { severity: 'warning', hint: `move it with \`club reschedule ${m.id} --date ${date}\`: it renames the file, updates the records that name it and keeps ${idDate} in \`moved_from\`` }));
  }
  return out;
};
