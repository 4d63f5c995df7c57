// A VTIMEZONE (RFC 5545 3.6.5) for an IANA zone, made from the time-zone data
// Node already carries (Intl), so a meeting held while Moscow was on UTC+4
// (2011–2014) is placed right, and no table of zones has to be kept here.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether Intl knows the zone (club.yaml's `timezone` is free text to the schema). */
export function isKnownZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC, in minutes, at an instant. */
export function offsetAt(zone: string, epochMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(epochMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((local - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

const MINUTE = 60_000;
// Offsets are sampled weekly, then the change is found to the minute: no zone
// has changed its clocks twice within one week.
const WEEK = 7 * 24 * 60 * MINUTE;

function transitions(zone: string, fromYear: number, toYear: number): Transition[] {
  const out: Transition[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  let t = Date.UTC(fromYear, 0, 1);
  let offset = offsetAt(zone, t);
  while (t < end) {
    const next = Math.min(t + WEEK, end);
    const nextOffset = offsetAt(zone, next);
    if (nextOffset !== offset) {
      // The change lies in (t, next]: find its minute.
      let lo = t;
      let hi = next;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (offsetAt(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: offset, to: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

function localStamp(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/**
 * The VTIMEZONE lines for a zone over whole years: the offset in force on the
 * first day, then one observance per change of offset. A change that moves the
 * clock ahead of the year's lower offset is a DAYLIGHT observance.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const first = offsetAt(zone, start);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', at: number, from: number, to: number) => {
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(at + from * MINUTE)}`, `TZOFFSETFROM:${utcOffset(from)}`, `TZOFFSETTO:${utcOffset(to)}`, `END:${kind}`);
  };
  observance('STANDARD', start, first, first);
  for (const tr of transitions(zone, fromYear, toYear)) {
    const year = new Date(tr.at).getUTCFullYear();
    const standard = Math.min(offsetAt(zone, Date.UTC(year, 0, 1)), offsetAt(zone, Date.UTC(year, 6, 1)));
    observance(tr.to > standard ? 'DAYLIGHT' : 'STANDARD', tr.at, tr.from, tr.to);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
