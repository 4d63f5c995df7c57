import type { Time } from '../model/types.js';
import type { Locale } from './locale.js';

export function minutesOf(time: Time): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Minutes since midnight → `HH:MM` (past midnight shows as +1 day). */
export function clock(total: number, l: Locale): string {
  const day = Math.floor(total / 1440);
  const t = total - day * 1440;
  const hhmm = `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  return day > 0 ? `${hhmm} ${l.t.common.nextDay(day)}` : hhmm;
}

/** `1 file`, `3 files`: English messages to the secretary (documents take their words from a catalogue). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
