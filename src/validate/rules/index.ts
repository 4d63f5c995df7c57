import { attendance } from './attendance.js';
import { cancelReason } from './cancel-reason.js';
import { countryNotMember } from './country-not-member.js';
import { countryWithoutRepresentative } from './country-without-representative.js';
import { dateOrder } from './date-order.js';
import { duplicateRecords } from './duplicate-records.js';
import { impossibleDate } from './impossible-date.js';
import { leftMemberInOffice } from './left-member-in-office.js';
import { meetingIdDate } from './meeting-id-date.js';
import { meetingStatusDate } from './meeting-status-date.js';
import { officerFromNonMemberCountry } from './officer-from-non-member-country.js';
import { officerNotMember } from './officer-not-member.js';
import { overlappingTerms } from './overlapping-terms.js';
import { publicationBeforeMeeting } from './publication-before-meeting.js';
import { recordIds } from './record-ids.js';
import { responsibleLeft } from './responsible-left.js';
import type { Rule } from './rule.js';
import { uniqueEntries } from './unique-entries.js';
import { unknownReference } from './unknown-reference.js';
import { vacantPosition } from './vacant-position.js';

/** Every cross-record rule, run after all collections have loaded. */
export const RULES: readonly Rule[] = [
  recordIds,
  duplicateRecords,
  unknownReference,
  uniqueEntries,
  impossibleDate,
  dateOrder,
  overlappingTerms,
  officerNotMember,
  officerFromNonMemberCountry,
  leftMemberInOffice,
  responsibleLeft,
  countryNotMember,
  attendance,
  meetingStatusDate,
  cancelReason,
  meetingIdDate,
  publicationBeforeMeeting,
  countryWithoutRepresentative,
  vacantPosition,
];
