import type { Tree } from './testdir.js';

/**
 * The planned June meeting and the publication that names it: the fixture of every
 * reschedule test (test/authoring/reschedule-meeting.test.ts, test/e2e/reschedule.test.ts,
 * test/hostile/kill-loop.test.ts). The comments must survive a move.
 */
export const JUNE = '2020-06-18-moscow';
/** Where the tests move it (a week later), and its id there. */
export const JUNE_MOVED = '2020-06-25-moscow';

export const PLANNED_JUNE = `# the June meeting
date: 2020-06-18 # the plan's date
start: "10:00"
kind: regular
division: moscow
status: planned
venue:
  name: FCS headquarters
  city: Moscow
`;

export const SUMMER_PUBLICATION = `title: The summer meeting\noutlet: customs\ndate: 2020-07-01\nmeetings: [${JUNE}]\n`;

/** Data-folder files (add to baseTree): the June meeting, and with `publication` the publication naming it. */
export const juneTree = (publication = true): Tree => ({
  [`meetings/${JUNE}.yaml`]: PLANNED_JUNE,
  ...(publication ? { 'publications/customs-2020-01.yaml': SUMMER_PUBLICATION } : {}),
});
