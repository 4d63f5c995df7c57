// The records as the schemas in schemas/ describe them. test/schema-fields.test.ts
// checks that every interface here names exactly the properties its schema has.

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;
/** YYYY-MM-DD, YYYY-MM or YYYY: historical facts are often known to the month or year. */
export type PartialDate = string;
/** HH:MM in the club's time zone. */
export type Time = string;
/** ISO 3166-1 alpha-2. */
export type CountryCode = string;

export interface Division {
  id: string;
  city: string;
  city_ru?: string;
  since: PartialDate;
}

export interface MemberCountry {
  country: CountryCode;
  since?: PartialDate;
  until?: PartialDate;
}

export interface Position {
  id: string;
  title: string;
  title_ru?: string;
}

export interface Outlet {
  id: string;
  name: string;
  name_ru?: string;
  kind: 'magazine' | 'website';
  city?: string;
  city_ru?: string;
  notes?: string;
}

export interface SisterClub {
  name: string;
  name_ru?: string;
  city: string;
  city_ru?: string;
  country: CountryCode;
  founded?: PartialDate;
  aegis?: string;
  aegis_ru?: string;
}

/** The languages documents are written in. */
export type Language = 'en' | 'ru';

export interface ClubInfo {
  name: string;
  /** Localized forms (`name_ru`…) are for documents in that language; absent, the English form is used. */
  name_ru?: string;
  founded: PartialDate;
  aegis?: string;
  /** In the genitive, as it reads after «под эгидой». */
  aegis_ru?: string;
  founding_countries?: CountryCode[];
  timezone: string;
  language?: Language;
  divisions: Division[];
  member_countries: MemberCountry[];
  positions: Position[];
  outlets?: Outlet[];
  sister_clubs?: SisterClub[];
  sources?: string[];
}

export type MemberCategory = 'customs' | 'embassy' | 'participant';

export interface Member {
  name: string;
  name_native?: string;
  country: CountryCode;
  category: MemberCategory;
  organization?: string;
  title?: string;
  division: string;
  joined: PartialDate;
  left?: PartialDate;
  email?: string;
  phone?: string;
  languages?: string[];
  notes?: string;
}

export interface OfficerTerm {
  position: string;
  member: string;
  from: PartialDate;
  to?: PartialDate;
  notes?: string;
}

export interface Venue {
  /** The building or hall; a venue may be only a city. */
  name?: string;
  /** The `*_ru` forms are for documents in Russian; absent, the English form is used (the city and region by a table first). */
  name_ru?: string;
  address?: string;
  address_ru?: string;
  city: string;
  city_ru?: string;
  region?: string;
  region_ru?: string;
  country?: CountryCode;
}

export interface Guest {
  id: string;
  name: string;
  title?: string;
  organization?: string;
  country?: CountryCode;
  role?: string;
  /** false: invited but did not come; absent: came, or not recorded. */
  attended?: boolean;
}

export interface AgendaItem {
  title: string;
  presenter?: string;
  minutes?: number;
  kind?: 'report' | 'discussion' | 'decision' | 'break';
  notes?: string;
  /** What was said on the item (written by `club record`). */
  outcome?: string;
}

/** A decision to follow up: who carries it out, by when, and when it was done. */
export interface DecisionRecord {
  text: string;
  /** A member id, or a guest id of the same meeting. */
  responsible?: string;
  due?: IsoDate;
  done?: IsoDate;
}

/** A plain sentence (as older files have it) or a decision to follow up. */
export type Decision = string | DecisionRecord;

/** One earlier date and id of a rescheduled meeting. */
export interface MeetingMove {
  date: IsoDate;
  id: string;
}

export type MeetingKind = 'regular' | 'off-site' | 'extraordinary' | 'joint';
export type MeetingStatus = 'planned' | 'held' | 'cancelled';

export interface Meeting {
  title?: string;
  date: IsoDate;
  start?: Time;
  end?: Time;
  /** The actual start and end, recorded after the meeting. */
  started?: Time;
  ended?: Time;
  kind: MeetingKind;
  division: string;
  status: MeetingStatus;
  cancel_reason?: string;
  /** Earlier dates and ids, oldest first: the first id is the meeting's lasting identity. */
  moved_from?: MeetingMove[];
  venue?: Venue;
  chair?: string;
  guests?: Guest[];
  agenda?: AgendaItem[];
  attendees?: string[];
  apologies?: string[];
  decisions?: Decision[];
  notes?: string;
}

export interface Publication {
  title: string;
  outlet: string;
  date: PartialDate;
  issue?: string | number;
  url?: string;
  language?: string;
  meetings?: string[];
  summary?: string;
}

export type Collection = 'members' | 'officers' | 'meetings' | 'publications';

export const COLLECTIONS: readonly Collection[] = ['members', 'officers', 'meetings', 'publications'];

/** The kind of record each collection folder holds, and so the schema it is checked against. */
export const KIND_OF: Record<Collection, RecordKind> = {
  members: 'member',
  officers: 'officer',
  meetings: 'meeting',
  publications: 'publication',
};

export type RecordKind = 'club' | 'member' | 'officer' | 'meeting' | 'publication';

export interface RecordOf {
  club: ClubInfo;
  member: Member;
  officer: OfficerTerm;
  meeting: Meeting;
  publication: Publication;
}
