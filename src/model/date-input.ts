import { isRealDate } from './dates.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The ISO date of an Excel serial day number (1900 date system, as Excel counts it: day 60 is the 29 February that never was). */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const day = Math.floor(serial);
  const t = new Date(Date.UTC(1899, 11, 30) + day * 86_400_000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * A date as a person typed it, put in ISO order without checking that the day exists (`30.02.2019` →
 * `2019-02-30`, so that what is wrong can be said in words): `16.06.2019`, `16/06/2019`, `2019-06-16`,
 * `06.2019`, `2019`, `16.06.2019 г.`. Day before month, as written in Russia and most of Europe.
 * Undefined when it is in none of these forms.
 */
export function isoOrder(text: string): string | undefined {
  const t = text.trim().replace(/\s*(г\.?|года?)$/u, '');
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(t))) return [m[1], m[2] && pad(Number(m[2])), m[3] && pad(Number(m[3]))].filter(Boolean).join('-');
  if ((m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t))) return `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  if ((m = /^(\d{1,2})[./](\d{4})$/.exec(t))) return `${m[2]}-${pad(Number(m[1]))}`;
  return undefined;
}

/**
 * A date as a person typed it (isoOrder's forms), in ISO form (YYYY-MM-DD, or YYYY-MM / YYYY when that is
 * all that is given). Undefined when it is not a real date in one of these forms.
 */
export function readDateText(text: string): string | undefined {
  const iso = isoOrder(text);
  return iso !== undefined && isRealDate(iso) ? iso : undefined;
}
