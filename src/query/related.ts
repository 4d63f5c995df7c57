import type { Club } from '../model/club.js';
import type { RawRecord } from '../load/load.js';
import { chairOf } from '../model/membership.js';
import type { Collection } from '../model/types.js';

/** One line about a related record: its id, and a few words on it. */
export interface RelatedItem {
  id: string;
  text: string;
}

/** Sections of related records, in the order they are shown. Empty sections are left out. */
export type Related = Record<string, RelatedItem[]>;

const meetingText = (club: Club, id: string): string => {
  const m = club.byId.meetings.get(id)?.data;
  if (!m) return '';
  return [m.date, m.kind, m.status, m.venue?.city, m.title].filter(Boolean).join(', ');
};

const memberText = (club: Club, id: string): string => {
  const m = club.byId.members.get(id)?.data;
  return m ? `${m.name} (${m.country})` : '';
};

/** What refers to a record, and what it refers to, as far as the valid records tell. */
export function relatedTo(record: RawRecord, club: Club): Related {
  const out: Related = {};
  const add = (section: string, items: RelatedItem[]) => {
    if (items.length > 0) out[section] = items;
  };
  const id = record.id;
  const positionTitle = (pid: string) => club.info?.data.positions.find((p) => p.id === pid)?.title ?? pid;
  const byCollection: Record<Collection, () => void> = {
    members: () => {
      add('terms of office', club.officers.filter((t) => t.data.member === id)
        .map((t) => ({ id: t.id, text: `${positionTitle(t.data.position)}, ${t.data.from} – ${t.data.to ?? 'in office'}` })));
      add('meetings chaired', club.meetings.filter((m) => m.data.chair === id).map((m) => ({ id: m.id, text: meetingText(club, m.id) })));
      const attended = club.meetings.filter((m) => m.data.attendees?.includes(id));
      add('meetings attended', attended.map((m) => ({ id: m.id, text: meetingText(club, m.id) })));
      const presented = club.meetings.filter((m) => m.data.agenda?.some((a) => a.presenter === id));
      add('presented at', presented.map((m) => ({
        id: m.id,
        text: `${m.data.date}: ${m.data.agenda!.filter((a) => a.presenter === id).map((a) => a.title).join('; ')}`,
      })));
      add('apologies sent', club.meetings.filter((m) => m.data.apologies?.includes(id)).map((m) => ({ id: m.id, text: meetingText(club, m.id) })));
      const involved = new Set([...attended, ...presented].map((m) => m.id));
      add('publications about those meetings', club.publications.filter((p) => p.data.meetings?.some((mid) => involved.has(mid)))
        .map((p) => ({ id: p.id, text: `${p.data.date}, ${p.data.outlet}: ${p.data.title}` })));
    },
    officers: () => {
      // The record may be invalid (`member: {x: 1}`): only text names a member.
      const member = typeof record.value.member === 'string' ? record.value.member : '';
      add('member', club.byId.members.has(member) ? [{ id: member, text: memberText(club, member) }] : []);
      const others = club.officers.filter((t) => t.data.position === record.value.position && t.id !== id);
      add('other terms of this position', others.map((t) => ({ id: t.id, text: `${memberText(club, t.data.member) || t.data.member}, ${t.data.from} – ${t.data.to ?? 'in office'}` })));
    },
    meetings: () => {
      const m = club.byId.meetings.get(id)?.data;
      if (m) {
        const chair = chairOf(club, club.byId.meetings.get(id)!);
        if (chair) add('chair', [{ id: chair.id, text: memberText(club, chair.id) }]);
        add('attendees', (m.attendees ?? []).map((a) => ({ id: a, text: memberText(club, a) })));
        add('apologies', (m.apologies ?? []).map((a) => ({ id: a, text: memberText(club, a) })));
        add('guests', (m.guests ?? []).map((g) => ({ id: g.id, text: [g.name, g.title, g.organization].filter(Boolean).join(', ') })));
      }
      add('publications', club.publications.filter((p) => p.data.meetings?.includes(id))
        .map((p) => ({ id: p.id, text: `${p.data.date}, ${p.data.outlet}: ${p.data.title}` })));
    },
    publications: () => {
      const meetings = Array.isArray(record.value.meetings) ? (record.value.meetings as string[]) : [];
      add('meetings reported', meetings.filter((mid) => club.byId.meetings.has(mid)).map((mid) => ({ id: mid, text: meetingText(club, mid) })));
    },
  };
  byCollection[record.collection]();
  return out;
}
