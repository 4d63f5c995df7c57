import { readDateFlag } from '../model/typed-date.js';
import { renderCalendar } from '../render/calendar.js';
import { isKnownZone } from '../render/vtimezone.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { deliverText, type DocumentOutput } from './document-output.js';
import { checkLang, langOf } from './document-commands.js';
import { findMeeting } from './choose-id.js';
import { RefusedError, UsageError } from '../errors/errors.js';
import type { Io } from './io.js';
import { loadData, warnIfInvalid } from './load-data.js';
import { resolveToday } from './today.js';

export interface CalendarOptions extends DocumentOutput {
  data?: string;
  asOf?: string;
  from?: string;
  division?: string;
  lang?: string;
}

/**
 * `club calendar [meeting]`: the meetings as an iCalendar file, to import or
 * subscribe to; one meeting alone, to send as an invitation.
 */
export async function calendarCommand(id: string | undefined, options: CalendarOptions, io: Io): Promise<number> {
  if (options.from !== undefined) {
    const from = readDateFlag('--from', options.from);
    if (from.problem !== undefined) throw new UsageError(from.problem, 'e.g. --from 2019-09-01');
    options = { ...options, from: from.iso };
  }
  if (id !== undefined && (options.from !== undefined || options.division !== undefined)) {
    throw new UsageError('a meeting id and --from or --division do not go together', 'name one meeting, or filter all of them');
  }
  checkLang(options.lang);
  const asOf = resolveToday(options.asOf, io.env, io.now());
  // The folder is checked as of today; --as-of only dates the calendar.
  const data = await loadData({ ...options, asOf: undefined }, io);
  warnIfInvalid(data, io, options.check);
  const zone = data.club.info?.data.timezone;
  if (zone === undefined || !isKnownZone(zone) || !/^[A-Za-z0-9/_+-]+$/.test(zone)) {
    throw new RefusedError(`club.yaml's timezone \`${zone ?? ''}\` is not a time zone this machine knows`, 'use an IANA name such as Europe/Moscow: club set club timezone=Europe/Moscow');
  }
  let meetings = data.club.meetings;
  if (id !== undefined) {
    meetings = [findMeeting(data, id)];
  } else {
    if (options.division !== undefined) {
      const divisions = data.club.info?.data.divisions.map((d) => d.id) ?? [];
      if (!divisions.includes(options.division)) {
        throw new UsageError(`there is no division \`${options.division}\``, didYouMean(options.division, divisions) ?? `divisions: ${divisions.join(', ')}`);
      }
      meetings = meetings.filter((m) => m.data.division === options.division);
    }
    if (options.from !== undefined) meetings = meetings.filter((m) => m.data.date >= options.from!);
  }
  return deliverText(renderCalendar(data.club, meetings, { stamp: asOf, lang: langOf(options, data) }), options, io, { format: 'ics', what: 'a calendar' });
}
