import { countryName } from '../model/countries.js';
import { contentLines, escapeText } from '../render/content-lines.js';

/** A single text value: a semicolon is not a separator there (RFC 6350 3.4). */
const single = (value: string) => escapeText(value, { semicolon: false });

/** The language a name in another script is written in, as far as the script tells. */
function scriptLanguage(name: string): string | undefined {
  if (/\p{Script=Cyrillic}/u.test(name)) return 'ru';
  if (/\p{Script=Han}/u.test(name)) return 'zh';
  if (/\p{Script=Greek}/u.test(name)) return 'el';
  if (/\p{Script=Arabic}/u.test(name)) return 'ar';
  return undefined;
}

/** `Konovalenko S.A.` → family `Konovalenko`, given `S.A.`: the club writes the surname first. */
function nameParts(name: string): string {
  const [family = '', ...given] = name.trim().split(/\s+/);
  return [family, given.join(' '), '', '', ''].map((part) => escapeText(part)).join(';');
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/**
 * One vCard 4.0 (RFC 6350) per member: the name (and the name in the member's
 * own script as an alternative of it), organization, title, e-mail, phone and
 * country. No REV, so the same records give the same bytes.
 */
export function renderVcards(rows: readonly { id: string; value: Readonly<Record<string, unknown>> }[], uidDomain: string): string {
  const lines: string[] = [];
  for (const { id, value: m } of rows) {
    const name = text(m.name) ?? id;
    const native = text(m.name_native);
    const lang = native !== undefined ? scriptLanguage(native) : undefined;
    lines.push('BEGIN:VCARD', 'VERSION:4.0', 'KIND:individual', `UID:${single(`${id}@${uidDomain}`)}`);
    if (native !== undefined && native !== name) {
      lines.push(`FN;ALTID=1;LANGUAGE=en:${single(name)}`, `FN;ALTID=1${lang ? `;LANGUAGE=${lang}` : ''}:${single(native)}`);
      lines.push(`N;ALTID=1;LANGUAGE=en:${nameParts(name)}`, `N;ALTID=1${lang ? `;LANGUAGE=${lang}` : ''}:${nameParts(native)}`);
    } else {
      lines.push(`FN:${single(name)}`, `N:${nameParts(name)}`);
    }
    const org = text(m.organization);
    if (org !== undefined) lines.push(`ORG:${escapeText(org)}`);
    const title = text(m.title);
    if (title !== undefined) lines.push(`TITLE:${single(title)}`);
    const email = text(m.email);
    if (email !== undefined) lines.push(`EMAIL;TYPE=work:${single(email)}`);
    const phone = text(m.phone);
    if (phone !== undefined) lines.push(`TEL;VALUE=text;TYPE=work,voice:${single(phone)}`);
    const country = text(m.country);
    if (country !== undefined) lines.push(`ADR;TYPE=work:;;;;;;${escapeText(countryName(country))}`);
    if (Array.isArray(m.languages)) {
      m.languages.filter((l: unknown): l is string => typeof l === 'string' && /^[a-z]{2}$/.test(l)).slice(0, 100).forEach((l, i) => lines.push(`LANG;PREF=${i + 1}:${l}`));
    }
    lines.push('END:VCARD');
  }
  return lines.length === 0 ? '' : contentLines(lines);
}
