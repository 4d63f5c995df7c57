import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { planReschedule } from '../../src/authoring/reschedule-meeting.js';
import { RefusedError } from '../../src/errors/errors.js';
import { loadClub } from '../../src/load/load.js';
import { CLUB_YAML, MEETING } from '../helpers/club-tree.js';
import { schemas } from '../helpers/load-tree.js';
import { PLANNED_JUNE as PLANNED } from '../helpers/reschedule-fixture.js';

const load = (meetings: Record<string, string>, publications: Record<string, string> = {}) => loadClub([
  { file: 'club.yaml', collection: 'club', stem: 'club', text: CLUB_YAML },
  ...Object.entries(meetings).map(([id, text]) => ({ file: `meetings/${id}.yaml`, collection: 'meetings' as const, stem: id, text })),
  ...Object.entries(publications).map(([id, text]) => ({ file: `publications/${id}.yaml`, collection: 'publications' as const, stem: id, text })),
], schemas).club;

describe('planReschedule', () => {
  it('moves the date and the id, keeps where it was in moved_from, and renames the reference in each publication', () => {
    const club = load({ '2020-06-18-moscow': PLANNED }, { 'customs-2020-05': 'title: T\noutlet: customs\ndate: 2020-05\nmeetings: [2019-01-01-x, 2020-06-18-moscow]\n' });
    const plan = planReschedule(club, club.byId.meetings.get('2020-06-18-moscow')!, { date: '2020-06-25', start: '11:00' });
    expect(plan.to).toBe('2020-06-25-moscow');
    const doc = parseDocument(PLANNED);
    plan.applyMeeting(doc);
    expect(doc.toString()).toContain('date: 2020-06-25 # the plan\'s date');
    expect(parse(doc.toString())).toMatchObject({ date: '2020-06-25', start: '11:00', moved_from: [{ date: '2020-06-18', id: '2020-06-18-moscow' }] });
    expect(Object.keys(parse(doc.toString()))).toEqual(['date', 'start', 'kind', 'division', 'status', 'moved_from', 'venue']);
    expect(plan.referrers.map((r) => r.id)).toEqual(['customs-2020-05']);
    const pub = parseDocument('title: T\noutlet: customs\ndate: 2020-05\nmeetings: [2019-01-01-x, 2020-06-18-moscow]\n');
    plan.referrers[0]!.apply(pub);
    expect(parse(pub.toString()).meetings).toEqual(['2019-01-01-x', '2020-06-25-moscow']);
  });
  it('appends to moved_from, moves to another city, and keeps the id when asked', () => {
    const moved = `${PLANNED}moved_from:\n  - date: 2020-06-11\n    id: 2020-06-11-moscow\n`;
    const club = load({ '2020-06-18-moscow': moved });
    const plan = planReschedule(club, club.byId.meetings.get('2020-06-18-moscow')!, { date: '2020-07-02', city: 'Pskov', keepId: true });
    expect(plan.to).toBe('2020-06-18-moscow');
    const doc = parseDocument(moved);
    plan.applyMeeting(doc);
    const r = parse(doc.toString());
    expect(r.status).toBe('planned');
    // The old hall is not in the new city.
    expect(r.venue).toEqual({ city: 'Pskov' });
    expect(plan.dropped).toEqual(['venue.name']);
    expect(r.moved_from).toEqual([{ date: '2020-06-11', id: '2020-06-11-moscow' }, { date: '2020-06-18', id: '2020-06-18-moscow' }]);
  });
  describe('never names the place it leaves', () => {
    // A Pskov meeting with every field of its place in both languages.
    const PSKOV = PLANNED.replace(/  name: FCS headquarters\n  city: Moscow\n/, [
      '  name: Pskov customs post', '  name_ru: Псковский таможенный пост # as the post signs it', '  address: 1 Novozavodskaya Street',
      '  address_ru: ул. Новозаводская, 1', '  city: Pskov', '  city_ru: Псков', '  region: Pskov Oblast', '  region_ru: Псковская область', '',
    ].join('\n'));
    const club = load({ '2020-06-18-moscow': PSKOV });
    const moved = (r: Omit<Parameters<typeof planReschedule>[2], 'date'>) => {
      const doc = parseDocument(PSKOV);
      const plan = planReschedule(club, club.byId.meetings.get('2020-06-18-moscow')!, { date: '2020-07-02', ...r });
      plan.applyMeeting(doc);
      return { venue: parse(doc.toString()).venue as Record<string, string>, text: doc.toString(), dropped: plan.dropped };
    };
    it('to another hall: drops its Russian name and its address in both languages; city and region stay', () => {
      const hall = moved({ venue: 'Pskov customs house' });
      expect(hall.venue).toEqual({ name: 'Pskov customs house', city: 'Pskov', city_ru: 'Псков', region: 'Pskov Oblast', region_ru: 'Псковская область' });
      expect(hall.dropped).toEqual(['venue.name_ru', 'venue.address', 'venue.address_ru']);
      // Its own address when given, in the schema's place.
      const given = moved({ venue: 'Pskov customs house', address: '5 Oktyabrsky Prospekt' });
      expect(Object.keys(given.venue)).toEqual(['name', 'address', 'city', 'city_ru', 'region', 'region_ru']);
      expect(given.venue.address).toBe('5 Oktyabrsky Prospekt');
      expect(given.dropped).toEqual(['venue.name_ru', 'venue.address_ru']);
    });
    it('to another city: drops the hall, its address and the region in both languages, and takes those given', () => {
      const city = moved({ city: 'Moscow', venue: 'Test Customs Service, conference hall' });
      expect(city.venue).toEqual({ name: 'Test Customs Service, conference hall', city: 'Moscow' });
      expect(city.dropped).toEqual(['venue.name_ru', 'venue.address', 'venue.address_ru', 'venue.city_ru', 'venue.region', 'venue.region_ru']);
      // Even a hall of the same name is another hall in another city.
      expect(moved({ city: 'Izborsk', venue: 'Pskov customs post' }).venue).toEqual({ name: 'Pskov customs post', city: 'Izborsk' });
      expect(moved({ city: 'Narva', venue: 'Narva customs house', address: '2 Tallinna mnt', region: 'Ida-Viru County', country: 'EE' }).venue)
        .toEqual({ name: 'Narva customs house', address: '2 Tallinna mnt', city: 'Narva', region: 'Ida-Viru County', country: 'EE' });
    });
    it('keeping both hall and city keeps every field and its comment; a new address or region alone drops only its Russian form', () => {
      const same = moved({ city: 'Pskov', venue: 'Pskov customs post' });
      expect(same.venue).toEqual(parse(PSKOV).venue);
      expect(same.text).toContain('name_ru: Псковский таможенный пост # as the post signs it');
      expect(same.dropped).toEqual([]);
      expect(moved({}).venue).toEqual(parse(PSKOV).venue);
      const address = moved({ address: '3 Novozavodskaya Street' });
      expect(address.venue.address).toBe('3 Novozavodskaya Street');
      expect(address.dropped).toEqual(['venue.address_ru']);
      expect(moved({ region: 'Leningrad Oblast' }).dropped).toEqual(['venue.region_ru']);
    });
    it('a Russian form the move leaves is dropped in a meeting with only a hall and a city', () => {
      const russian = PLANNED.replace(/  name: FCS headquarters\n  city: Moscow\n/, '  name: FCS headquarters\n  name_ru: ФТС России\n  city: Moscow\n  city_ru: Москва\n');
      const c = load({ '2020-06-18-moscow': russian });
      const venueAfter = (r: Parameters<typeof planReschedule>[2]) => {
        const doc = parseDocument(russian);
        planReschedule(c, c.byId.meetings.get('2020-06-18-moscow')!, r).applyMeeting(doc);
        return parse(doc.toString()).venue;
      };
      expect(venueAfter({ date: '2020-07-02', venue: 'Moscow customs house' })).toEqual({ name: 'Moscow customs house', city: 'Moscow', city_ru: 'Москва' });
      expect(venueAfter({ date: '2020-07-02', city: 'Moscow', venue: 'FCS headquarters' })).toEqual({ name: 'FCS headquarters', name_ru: 'ФТС России', city: 'Moscow', city_ru: 'Москва' });
    });
  });
  it('moves a meeting whose date was changed by hand from the date its id says', () => {
    const club = load({ '2020-06-18-moscow': PLANNED.replace('2020-06-18', '2020-06-25') });
    const plan = planReschedule(club, club.byId.meetings.get('2020-06-18-moscow')!, { date: '2020-06-25' });
    expect(plan.move).toEqual({ date: '2020-06-18', id: '2020-06-18-moscow' });
    expect(plan.to).toBe('2020-06-25-moscow');
  });
  it('refuses a move to the same day, a held meeting, a cancelled meeting, and an id another meeting has', () => {
    const club = load({
      '2020-06-18-moscow': PLANNED, '2020-06-25-moscow': PLANNED.replace('2020-06-18', '2020-06-25'), '2019-06-20-moscow': MEETING,
      '2020-06-11-moscow': `${PLANNED.replace('2020-06-18', '2020-06-11').replace('status: planned', 'status: cancelled')}cancel_reason: Repairs.\n`,
    });
    const refused = (f: () => unknown) => { try { f(); } catch (e) { expect(e).toBeInstanceOf(RefusedError); return e as RefusedError; } throw new Error('not refused'); };
    expect(refused(() => planReschedule(club, club.byId.meetings.get('2020-06-18-moscow')!, { date: '2020-06-18' })).message)
      .toBe('the meeting `2020-06-18-moscow` is already on 2020-06-18; nothing was written');
    expect(refused(() => planReschedule(club, club.byId.meetings.get('2019-06-20-moscow')!, { date: '2019-06-21' })).message)
      .toContain('is recorded as held');
    // Moving a cancelled meeting would put it back in the plan and drop its reason without a word.
    const cancelled = refused(() => planReschedule(club, club.byId.meetings.get('2020-06-11-moscow')!, { date: '2020-06-12' }));
    expect(cancelled.message).toBe('the meeting `2020-06-11-moscow` was cancelled (Repairs.); a cancelled meeting is not moved; nothing was written');
    expect(cancelled.hint).toContain('club unset 2020-06-11-moscow cancel_reason && club set 2020-06-11-moscow status=planned');
    const taken = refused(() => planReschedule(club, club.byId.meetings.get('2020-06-18-moscow')!, { date: '2020-06-25' }));
    expect(taken.message).toBe('another meeting already has the id `2020-06-25-moscow`; nothing was written');
    expect(taken.hint).toContain('2020-06-25-moscow-2');
  });
});
