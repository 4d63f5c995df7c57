import type { Club, Loaded } from '../model/club.js';
import type { Guest, IsoDate } from '../model/types.js';
import { heldIn, type Period } from './period.js';

export interface Topic {
  meeting: Loaded<'meeting'>;
  date: IsoDate;
  title: string;
  /** A member id or a guest id of that meeting, when someone presented it. */
  presenter?: string;
}

/** The items presented at the held meetings of a period (breaks are not topics), by date. */
export function topicsPresented(club: Club, p: Period): Topic[] {
  return heldIn(club, p).flatMap((m) => (m.data.agenda ?? [])
    .filter((item) => item.kind !== 'break')
    .map((item) => ({ meeting: m, date: m.data.date, title: item.title, ...(item.presenter !== undefined ? { presenter: item.presenter } : {}) })));
}

export interface GuestVisit {
  meeting: Loaded<'meeting'>;
  guest: Guest;
}

export interface GuestsOfOrganization {
  /** Undefined for guests whose organization is not recorded. */
  organization: string | undefined;
  visits: GuestVisit[];
}

/** Did the guest come? `attended: false` means invited but absent; no record means they came. */
export const guestCame = (g: Guest): boolean => g.attended !== false;

/**
 * The guests who came to the held meetings of a period, by organization in
 * order of first visit; guests with no organization come last.
 */
export function guestsByOrganization(club: Club, p: Period): GuestsOfOrganization[] {
  const groups = new Map<string | undefined, GuestVisit[]>();
  for (const meeting of heldIn(club, p)) {
    for (const guest of (meeting.data.guests ?? []).filter(guestCame)) {
      const key = guest.organization;
      groups.set(key, [...(groups.get(key) ?? []), { meeting, guest }]);
    }
  }
  const named = [...groups.entries()].filter(([k]) => k !== undefined).map(([organization, visits]) => ({ organization, visits }));
  const unnamed = groups.get(undefined);
  return unnamed ? [...named, { organization: undefined, visits: unnamed }] : named;
}
