import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Club, Loaded } from '../../src/model/club.js';
import { renderCalendar } from '../../src/render/calendar.js';
import { foldLine } from '../../src/render/content-lines.js';
import { loadObjects } from '../helpers/load-tree.js';

const RICH = path.resolve(import.meta.dirname, '../fixtures/rich/data');
const COLLECTIONS = ['members', 'officers', 'meetings', 'publications'] as const;

type Records = Record<string, Record<string, Record<string, unknown>>>;
let fixture: { club: Record<string, unknown>; records: Records } | undefined;

/** The rich fixture's files as parsed YAML, read once for this file (each caller gets its own copy to change). */
function richFixture(): { club: Record<string, unknown>; records: Records } {
  if (fixture === undefined) {
    const read = (f: string) => parse(readFileSync(path.join(RICH, f), 'utf8')) as Record<string, unknown>;
    const records: Records = {};
    for (const c of COLLECTIONS) {
      records[c] = {};
      for (const f of readdirSync(path.join(RICH, c))) records[c]![f.replace(/\.yaml$/, '')] = read(`${c}/${f}`);
    }
    fixture = { club: read('club.yaml'), records };
  }
  return structuredClone(fixture);
}

/** The rich fixture (or a copy of it with changes), loaded in-process as the CLI loads it. */
export function richClub(change: (records: Records) => void = () => {}): Club {
  const { club: settings, records } = richFixture();
  change(records);
  const { club, diagnostics } = loadObjects(settings, records);
  expect(diagnostics).toEqual([]);
  return club;
}

/** Parses with ical.js, a reader we did not write, and registers the calendar's own time zones. */
function readCalendar(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  return { root, events };
}

const STAMP = '2019-12-31';

/** A meeting as the loader gives it, with fields the schema may not have yet (the renderer reads them). */
function withFields(meeting: Loaded<'meeting'>, fields: Record<string, unknown>): Loaded<'meeting'> {
  return { ...meeting, data: { ...meeting.data, ...fields } as never };
}

describe('club calendar: iCalendar read back by ical.js', () => {
  it('has one event per meeting, in the club zone, with status, location and agenda', () => {
    const club = richClub();
    const text = renderCalendar(club, club.meetings, { stamp: STAMP });
    const { root, events } = readCalendar(text);
    expect(root.name).toBe('vcalendar');
    expect(events.map((e) => e.uid).sort()).toEqual(club.meetings.map((m) => `${m.data.moved_from?.[0]?.id ?? m.id}@test-customs-attache-club`).sort());
    const pskov = events.find((e) => e.uid.startsWith('2019-06-20-pskov@'))!;
    // A held meeting shows its recorded times: 11:05 in Moscow (UTC+3) is 08:05 UTC.
    expect(pskov.startDate.zone.tzid).toBe('Europe/Moscow');
    expect(pskov.startDate.toJSDate().toISOString()).toBe('2019-06-20T08:05:00.000Z');
    expect(pskov.endDate.toJSDate().toISOString()).toBe('2019-06-20T10:10:00.000Z');
    expect(pskov.summary).toBe('Off-site meeting at the Estonian border');
    expect(pskov.location).toBe('Pskov customs post, Pskov, Pskov Oblast');
    expect(pskov.description).toContain('11:00–11:45 Crossing points on the Estonian border — Tamm K., Head of the Estonian Tax and Customs Board, Estonian Tax and Customs Board');
    expect(pskov.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(pskov.sequence).toBe(0);
    expect(pskov.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2019-06-20T00:00:00Z');
    // Not the date it is rendered on: a committed calendar goes stale on a change of data, not of day.
    expect(renderCalendar(club, club.meetings, { stamp: '2020-05-01' })).toBe(renderCalendar(club, club.meetings, { stamp: STAMP }));
  });

  it('gives the same bytes for the same data and date, CRLF line ends, lines of at most 75 octets', () => {
    const club = richClub();
    const a = renderCalendar(club, club.meetings, { stamp: STAMP });
    expect(renderCalendar(richClub(), richClub().meetings, { stamp: STAMP })).toBe(a);
    expect(a.endsWith('\r\n')).toBe(true);
    expect(a.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of a.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('marks a cancelled meeting CANCELLED, raises SEQUENCE, and says the reason', () => {
    const club = richClub((r) => {
      r.meetings!['2019-09-12-moscow'] = { ...r.meetings!['2019-09-12-moscow'], status: 'cancelled' };
      delete r.meetings!['2019-09-12-moscow']!.attendees;
      delete r.meetings!['2019-09-12-moscow']!.apologies;
      delete r.meetings!['2019-09-12-moscow']!.decisions;
      r.meetings!['2019-09-12-moscow']!.cancel_reason = 'the hall is closed, sorry; see you in October';
    });
    const meeting = club.byId.meetings.get('2019-09-12-moscow')!;
    const { events } = readCalendar(renderCalendar(club, [meeting], { stamp: STAMP }));
    expect(events).toHaveLength(1);
    expect(events[0]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0]!.sequence).toBe(1);
    expect(events[0]!.description).toContain('Cancelled: the hall is closed, sorry; see you in October');
  });

  it('keeps the UID of the first id when a meeting was moved, and counts the moves in SEQUENCE', () => {
    const club = richClub((r) => {
      r.meetings!['2020-02-20-moscow']!.moved_from = [{ date: '2020-02-13', id: '2020-02-13-moscow' }, { date: '2020-02-18', id: '2020-02-18-moscow' }];
    });
    const moved = club.byId.meetings.get('2020-02-20-moscow')!;
    const { events } = readCalendar(renderCalendar(club, [moved], { stamp: STAMP }));
    expect(events[0]!.uid.split('@')[0]).toBe('2020-02-13-moscow');
    expect(events[0]!.sequence).toBe(2);
    expect(events[0]!.description).toContain('Moved from 13 February 2020.');
  });

  it('places a meeting of 2012 at UTC+4, the offset Moscow had then (the VTIMEZONE comes from the zone data)', () => {
    const club = richClub();
    const old = withFields(club.byId.meetings.get('2019-03-14-moscow')!, { date: '2012-03-14' });
    const { events } = readCalendar(renderCalendar(club, [old], { stamp: STAMP }));
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe(`2012-03-14T${String(Number(old.data.start!.slice(0, 2)) - 4).padStart(2, '0')}:${old.data.start!.slice(3)}:00.000Z`);
  });

  it('makes a meeting without a start time an all-day event', () => {
    const club = richClub();
    const meeting = club.byId.meetings.get('2019-03-14-moscow')!;
    const { start: _s, end: _e, ...rest } = meeting.data;
    const { events } = readCalendar(renderCalendar(club, [{ ...meeting, data: rest }], { stamp: STAMP }));
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[0]!.startDate.toString()).toBe('2019-03-14');
    expect(events[0]!.endDate.toString()).toBe('2019-03-15');
  });

  it('uses the recorded times of a held meeting', () => {
    const club = richClub((r) => Object.assign(r.meetings!['2019-06-20-pskov']!, { started: '11:10', ended: '13:25' }));
    const held = club.byId.meetings.get('2019-06-20-pskov')!;
    const { events } = readCalendar(renderCalendar(club, [held], { stamp: STAMP }));
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2019-06-20T08:10:00.000Z');
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2019-06-20T10:25:00.000Z');
  });

  it('escapes , ; \\ and line breaks, drops control characters, and folds long values, all read back as written', () => {
    const club = richClub();
    const hostile = 'Talk, with; a \\ back\nslash <script>alert(1)</script> javascript:alert(1) | ' + 'Ж'.repeat(3000);
    const meeting = withFields(club.byId.meetings.get('2019-03-14-moscow')!, {
      title: `Evil\r\nDTSTART:19700101T000000Z\u001b]0;x\u0007\u009b31m, title`,
      venue: { name: 'Hall; 1, A\\B', city: 'Moscow' },
      agenda: [{ title: hostile, minutes: 30 }],
    });
    const text = renderCalendar(club, [meeting], { stamp: STAMP });
    // Every physical line is a property or a continuation: no value could start a line of its own.
    for (const line of text.split('\r\n').slice(0, -1)) expect(line).toMatch(/^([A-Z][A-Z0-9-]*[;:]| )/);
    const event = text.slice(text.indexOf('BEGIN:VEVENT'));
    expect(event.split('\r\n').filter((l) => l.startsWith('DTSTART'))).toHaveLength(1);
    const { events } = readCalendar(text);
    expect(events[0]!.summary).toBe('Evil\nDTSTART:19700101T000000Z ]0;x  31m, title');
    expect(events[0]!.location).toBe('Hall; 1, A\\B, Moscow');
    expect(events[0]!.description).toContain(hostile);
  });

  it('folds at 75 octets without cutting a character in two', () => {
    for (const line of ['A'.repeat(200), 'ЖЖ'.repeat(100), '😀'.repeat(60), `X:${'漢'.repeat(77)}`]) {
      const folded = foldLine(line);
      for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(folded.split('\r\n ').join('')).toBe(line);
      expect(folded).not.toContain('\ufffd');
    }
  });
});

describe('club calendar --lang ru: the events\' words in Russian, read back by ical.js', () => {
  it('names an untitled meeting by its kind and the club in Russian, says cancelled and moved in Russian, keeps the UIDs', () => {
    const club = richClub((r) => {
      r.meetings!['2019-09-12-moscow']!.cancel_reason = 'нет кворума';
    });
    const en = readCalendar(renderCalendar(club, club.meetings, { stamp: STAMP }));
    const ru = readCalendar(renderCalendar(club, club.meetings, { stamp: STAMP, lang: 'ru' }));
    // The same meeting is the same event in either language: a subscriber who switches gets no duplicates.
    expect(ru.events.map((e) => [e.uid, e.sequence])).toEqual(en.events.map((e) => [e.uid, e.sequence]));
    expect(ru.root.getFirstPropertyValue('x-wr-calname')).toBe('Тестовый клуб таможенных атташе');

    const cancelled = ru.events.find((e) => e.uid.startsWith('2019-09-12-moscow@'))!;
    expect(cancelled.summary).toBe('Очередное заседание — Тестовый клуб таможенных атташе');
    expect(en.events.find((e) => e.uid.startsWith('2019-09-12-moscow@'))!.summary).toBe('Regular meeting, Test Customs Attaché Club');
    expect(cancelled.description).toBe('Отменено: нет кворума');

    const moved = ru.events.find((e) => e.uid.startsWith('2020-05-14-moscow@'))!;
    expect(moved.description.split('\n')[0]).toBe('Перенесено с\u00a014\u00a0мая 2020\u00a0г.');

    const pskov = ru.events.find((e) => e.uid.startsWith('2019-06-20-pskov@'))!;
    expect(pskov.summary).toBe('Off-site meeting at the Estonian border'); // the secretary's own title
    expect(pskov.description.split('\n')).toEqual([
      'Повестка дня:',
      '11:00–11:45 Crossing points on the Estonian border\u00a0— Tamm\u00a0K., Head of the Estonian Tax and Customs Board, Estonian Tax and Customs Board',
      '11:45–12:45 Visit to the customs post',
    ]);
    const moscow = ru.events.find((e) => e.uid.startsWith('2019-03-14-moscow@'))!;
    expect(moscow.description).toContain('Перерыв: Coffee');
    expect(moscow.description).toContain('Wang Li (Китай, Test Customs of China)');
    // No English fixed word is left in the Russian events.
    for (const e of ru.events) expect(e.description ?? '', e.uid).not.toMatch(/\b(Agenda|Cancelled|Moved|Break)\b/);
  });

  it('gives the same bytes for the same data in Russian, lines of at most 75 octets (Cyrillic is two octets a letter)', () => {
    const club = richClub();
    const a = renderCalendar(club, club.meetings, { stamp: STAMP, lang: 'ru' });
    expect(renderCalendar(richClub(), richClub().meetings, { stamp: STAMP, lang: 'ru' })).toBe(a);
    for (const line of a.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
