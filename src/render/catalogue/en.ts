import type { PartialDate } from '../../model/types.js';
import { longDate, wholeDate } from '../dates.js';
import { plural } from '../plural.js';

const n = (count: number, one: string, other = `${one}s`) => plural('en', count, { one, other });
/** `2019`, or `1 September 2019 – 30 June 2020`. */
const periodName = (from: PartialDate, to: PartialDate, year?: number) => (year !== undefined ? String(year) : `${longDate(from)} – ${longDate(to)}`);

/**
 * Every fixed word of every document, in English. ru.ts has the same keys
 * (the compiler and test/i18n/catalogues.test.ts both refuse a missing one).
 * A function takes the data it frames; a date comes in as the record has it,
 * so each language puts it in the form its grammar wants.
 */
export const en = {
  common: {
    club: 'Club',
    kind: {
      regular: 'regular meeting',
      'off-site': 'off-site meeting',
      extraordinary: 'extraordinary meeting',
      joint: 'joint meeting with a sister club',
    } as Record<string, string>,
    status: { planned: 'planned', held: 'held', cancelled: 'cancelled' } as Record<string, string>,
    none: 'None.',
    nobody: 'Nobody.',
    vacant: 'vacant',
    toBeAnnounced: 'to be announced',
    toBeDecided: 'to be decided',
    notRecorded: 'not recorded',
    nextDay: (days: number) => `(+${days} day)`,
    quote: (s: string) => `“${s}”`,
    /** Between an item and who presents it: `Title — Presenter`. */
    dash: ' — ',
    list: (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
    meetingHeading: (kind: string, date: PartialDate) => `The ${kind} of ${longDate(date)}`,
    label: {
      meeting: 'Meeting:',
      kind: 'Kind:',
      date: 'Date:',
      venue: 'Place:',
      chair: 'Chair:',
      secretary: 'Secretary:',
      time: 'Time:',
      place: 'Place:',
    },
    column: {
      position: 'Position',
      name: 'Name',
      country: 'Country',
      organization: 'Organization',
      title: 'Title',
      division: 'Division',
      date: 'Date',
      kind: 'Kind',
      place: 'Place',
      month: 'Month',
      status: 'Status',
      present: 'Present',
      email: 'E-mail',
      phone: 'Phone',
    },
  },
  roster: {
    title: (club: string) => `${club}: roster`,
    asOf: (date: PartialDate) => `As of ${longDate(date)}.`,
    division: (division: string) => ` Division: ${division}.`,
    officers: 'Officers',
    noPositions: 'No positions are defined in club.yaml.',
    membersByCountry: 'Members by country',
    noMembers: 'No member represents a member country on this date.',
    participants: 'Participants from countries that are not members',
    unrepresented: 'Member countries with no representative on record',
    allRepresented: 'None: every member country is represented.',
    totals: 'Totals',
    members: (all: number, representatives: number, participants: number) =>
      `Members: ${all} (${n(representatives, 'representative')} of member countries, ${n(participants, 'participant')})`,
    countriesRepresented: (count: number, of: number) => `Member countries represented: ${count} of ${of}`,
    officersInOffice: (count: number, of: number) => `Officers in office: ${count} of ${of}`,
  },
  agenda: {
    title: (club: string) => `${club}: agenda`,
    opening: 'Opening',
    openedBy: (chair: string) => `${chair}, chair`,
    approval: (date: PartialDate) => `Approval of the minutes of the meeting of ${wholeDate(date)}`, // in the agenda's table: never broken
    otherBusiness: 'Any other business',
    nextMeeting: (whenWhere: string) => `Date and place of the next meeting: ${whenWhere}`,
    closing: 'Closing',
    break: (title: string) => `Break: ${title}`,
    chairAs: (name: string, position: string) => `${name} (${position})`,
    invitedGuests: 'Invited guests',
    /** Why a guest is invited, as the meeting gives it (in English). */
    guestRole: (role: string) => role,
    items: 'Items',
    column: { number: 'No.', time: 'Time', item: 'Item', presenter: 'Presenter' },
    noStart: 'No start time is set, so the items have no time slots.',
    cannotProject: (titles: string) => `The projected end cannot be worked out: no minutes are given for ${titles}.`,
    projectedEnd: (end: string, planned?: string) => `Projected end: ${end}${planned ? ` (planned end ${planned})` : ''}.`,
    warning: 'Warning:',
    overrun: (minutes: number) => `the items run ${n(minutes, 'minute')} past the planned end.`,
  },
  minutes: {
    title: (club: string, no: number | undefined, year: string) => `${club}: minutes${no !== undefined ? ` No. ${no} of ${year}` : ''}`,
    /** The heading over the minutes, from the meeting's kind (a key of common.kind), date and number (English leaves the number to the title). */
    heading: (kind: string, date: PartialDate, _no: number | undefined) => en.common.meetingHeading(en.common.kind[kind] ?? kind, date),
    label: { minutes: 'Minutes:', chair: 'Chair:', secretary: 'Secretary:' },
    number: (no: number, year: string, division: string) => `No. ${no} of ${year}, ${division} division`,
    timePlanned: (actual: string, planned: string) => `${actual} (planned ${planned})`,
    timeAsPlanned: (planned: string) => `${planned} (as planned; the actual times were not recorded)`,
    present: 'Present',
    presentCount: (members: number, countries: number, guests: number) =>
      `${n(members, 'member')} from ${n(countries, 'country', 'countries')}${guests > 0 ? ` and ${n(guests, 'guest')}` : ''}.`,
    participantsMarked: (count: number) => ` Of the members, ${count === 1 ? '1 is a participant, from a country that is not a member' : `${count} are participants, from countries that are not members`} of the club.`,
    participant: '(participant)',
    noAttendance: 'No attendance was recorded.',
    apologies: 'Apologies',
    guests: 'Guests',
    invitedAbsent: (guests: string) => `Invited but did not come: ${guests}.`,
    items: 'Items',
    noAgenda: 'No agenda was recorded.',
    decisions: 'Decisions',
    column: { number: 'No.', decision: 'Decision', responsible: 'Responsible', due: 'Due', meeting: 'Meeting' },
    noDecisions: 'No decisions were recorded.',
    followUp: 'Follow-up',
    followUpIntro: 'Decisions of earlier meetings of the division that were due before this meeting and are not done:',
    noFollowUp: 'No decision of an earlier meeting is past its due date.',
    nextMeeting: 'Next meeting',
    nextMeetingText: (whenWhere: string) => `${whenWhere.charAt(0).toUpperCase()}${whenWhere.slice(1)}${whenWhere.endsWith('.') ? '' : '.'}`, // a sentence: "To be decided."
    signChair: 'Chair',
    signSecretary: 'Secretary',
  },
  sheet: {
    title: (club: string) => `${club}: attendance sheet`,
    members: (count: number) => `Members (${count})`,
    column: { number: 'No.', titleAndOrganization: 'Title and organization', signature: 'Signature' },
    apologiesSent: '(apologies sent)',
    noMembers: 'No member is on record for this day.',
    invitedGuests: (count: number) => `Invited guests (${count})`,
    noGuests: 'No guests are invited.',
  },
  /** Words of the calendar's events (SUMMARY and DESCRIPTION). */
  calendar: {
    summary: (kind: string, club: string) => `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${club ? `, ${club}` : ''}`,
    cancelled: (reason: string | undefined) => `Cancelled${reason ? `: ${reason}` : '.'}`,
    movedFrom: (date: PartialDate) => `Moved from ${longDate(date)}.`,
    agenda: 'Agenda:',
  },
  plan: {
    /** `work plan for 2019`, or for a period such as a season. */
    title: (club: string, from: PartialDate, to: PartialDate, year?: number) => `${club}: work plan for ${periodName(from, to, year)}`,
    column: { title: 'Title', topics: 'Topics and presenters' },
    noMeetings: (from: PartialDate, to: PartialDate, year?: number) => `No meetings are planned for ${periodName(from, to, year)}.`,
    /** After the date of a meeting that was rescheduled: the date it first had, never broken (it is in the plan's date column). */
    movedFrom: (date: PartialDate) => ` (moved from ${wholeDate(date)})`,
    cancelledBecause: (reason: string) => `cancelled: ${reason}`,
  },
  report: {
    title: (club: string, from: PartialDate, to: PartialDate, year?: number) =>
      `${club}: ${year !== undefined ? `annual report ${year}` : `report for ${periodName(from, to, year)}`}`,
    theClub: 'The club',
    noClub: 'club.yaml could not be read.',
    founded: (club: string, date: PartialDate, aegis?: string) => `The ${club} was founded in ${longDate(date)}${aegis ? ` under the aegis of the ${aegis}` : ''}.`,
    foundingCountries: (countries: string) => `It was founded on the initiative of representatives of ${countries}.`,
    divisions: (count: number, list: string) => `It has ${n(count, 'division')}: ${list}.`,
    divisionSince: (city: string, since: PartialDate) => `${city} (since ${longDate(since)})`,
    memberCountries: (count: number, list: string) => `It has ${n(count, 'member country', 'member countries')}: ${list}.`,
    sisterClub: (name: string, city: string, founded?: PartialDate) => `Following its example, the ${name} was founded in ${city}${founded ? ` in ${longDate(founded)}` : ''}.`,
    covers: (from: PartialDate, to: PartialDate) => `This report covers ${longDate(from)} to ${longDate(to)}.`,
    officers: 'Officers',
    noTerms: 'No officer terms are recorded for the period.',
    column: {
      from: 'From',
      to: 'To',
      title: 'Title',
      on: (date: PartialDate) => `On ${wholeDate(date)}`, // a column's header: the date never broken
      joined: 'Joined',
      left: 'Left',
      meetingsOfPeriod: 'Meetings of the period',
      count: 'Count',
      people: 'Members',
      attended: 'Attended',
      heldWhileMembers: 'Held while they were members',
      rate: 'Rate',
      countryPresent: 'Meetings with the country present',
      heldWhileMember: 'Held while a member',
      topic: 'Topic',
      presentedBy: 'Presented by',
      guest: 'Guest',
      meeting: 'Meeting',
      number: 'No.',
      decision: 'Decision',
      responsible: 'Responsible',
      due: 'Due',
      done: 'Done',
      overdue: 'Overdue',
    },
    inOffice: 'in office',
    /** One term in the words under the officers' chart. */
    term: (name: string, from: PartialDate, to?: PartialDate) => `${name} from ${longDate(from)}${to !== undefined ? ` to ${longDate(to)}` : ''}`,
    officersAlt: (until: PartialDate, terms: string) => `Officers' terms up to ${longDate(until)}: ${terms}.`,
    membership: 'Membership',
    membershipRule: (dayBefore: PartialDate, last: PartialDate) =>
      'Members are the people whose membership was in force: representatives of the customs services and embassies of member countries, and participants, diplomats of countries that are not members. Members = representatives + participants. '
      + `They are counted on ${longDate(dayBefore)}, the day before the period, and on ${longDate(last)}, its last day.`,
    representatives: 'Representatives',
    participants: 'Participants from countries that are not members',
    members: 'Members',
    countriesRepresented: (before: number, beforeOf: number, dayBefore: PartialDate, after: number, afterOf: number, last: PartialDate) =>
      `Member countries represented: ${before} of ${beforeOf} on ${longDate(dayBefore)}, ${after} of ${afterOf} on ${longDate(last)}.`,
    joined: 'Joined',
    left: 'Left',
    membershipAlt: (firstYear: string, until: PartialDate, totals: string) => `Representatives by member country at the end of each year from ${firstYear} to ${longDate(until)}: ${totals}.`,
    membershipCaption: (until: PartialDate, countries: string) =>
      `Representatives at the end of each year (the last on ${longDate(until)}), by country, from the bottom of each bar: ${countries}. Participants are not counted.`,
    meetings: 'Meetings',
    inPlan: 'In the plan',
    held: 'Held',
    cancelled: 'Cancelled',
    stillPlanned: 'Still planned',
    cancelledList: (list: string) => `Cancelled: ${list}.`,
    meetingsHeld: 'Meetings held',
    noneHeld: 'No meetings were held in the period.',
    meetingsAlt: (until: PartialDate, counts: string) => `Meetings held per calendar year up to ${longDate(until)}: ${counts}.`,
    offSite: 'Off-site meetings',
    attendanceByCountry: 'Attendance by country',
    attendanceRule: 'For each member, the meetings held in the period while they were a member; by country, the sums over its members.',
    percent: (value: number) => `${value} %`,
    of: (count: number, whole: number) => `${count} of ${whole}`,
    attendanceByMember: 'Attendance by member',
    topics: 'Topics',
    noTopics: 'No topics were recorded.',
    guestsByOrganization: 'Guests by organization',
    organizationNotRecorded: 'Organization not recorded',
    noGuests: 'No guests came in the period.',
    decisions: 'Decisions',
    taken: 'Taken in the period',
    noDecisions: 'No decisions were taken in the period.',
    stillOpen: (date: PartialDate) => `Still open on ${longDate(date)}`,
    yes: 'yes',
    allDone: 'None: no decision taken by then is still open.',
    publications: 'Publications',
    noPublications: 'No publications are recorded for the period.',
    issue: (issue: string) => `, issue ${issue}`,
    about: (meetingDates: readonly PartialDate[]) => ` (on ${en.common.list(meetingDates.map((d) => `the meeting of ${longDate(d)}`))})`,
    planFor: (year: number) => `Plan for ${year}`,
    plannedAfter: (date: PartialDate) => `Plan for the year after ${longDate(date)}`,
    noneNext: 'No meetings are planned yet.',
  },
  /** Titles and axis labels of the report's charts (src/render/charts/ takes them as words). */
  chart: {
    officersTitle: "Officers' terms",
    membershipTitle: 'Representatives by member country',
    membershipUnit: 'representatives',
    // Whole calendar years from the first meeting held (the last up to the period's end), not the
    // period: a season's first bar counts the meetings of that year before the season too, and says so.
    meetingsTitle: 'Meetings held per calendar year',
    meetingsUnit: 'meetings',
    meetingsSeries: 'held',
  },
  /** Words of the Word file's page frame, around the document. */
  docx: {
    /** The footer: the page fields stand where `page` and `pages` are put. */
    pageOf: (page: string, pages: string) => `Page ${page} of ${pages}`,
  },
};

/** The shape every language's catalogue has: en's. */
export type Catalogue = typeof en;
