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
 * A date as a person typed it, in ISO form (YYYY-MM-DD, or YYYY-MM / YYYY when
 * that is all that is given): `16.06.2019`, `16/06/2019`, `2019-06-16`, `06.2019`,
 * `2019`, `16.06.2019 г.`. Day before month, as written in Russia and most of Europe.
 * Undefined when it is not a real date in one of these forms.
 */
export function readDateText(text: string): string | undefined {
  const t = text.trim().replace(/\s*(г\.?|года?)$/u, '');
  let iso: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(t))) {
    iso = [m[1], m[2] && pad(Number(m[2])), m[3] && pad(Number(m[3]))].filter(Boolean).join('-');
  } else if ((m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t))) {
    iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  } else if ((m = /^(\d{1,2})[./](\d{4})$/.exec(t))) {
    iso = `${m[2]}-${pad(Number(m[1]))}`;
  }
  return iso !== undefined && isRealDate(iso) ? iso : undefined;
}
