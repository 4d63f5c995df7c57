// Content lines as RFC 5545 (iCalendar) and RFC 6350 (vCard) write them: the
// two formats share the syntax, so they share this writer.

/** C0 and C1 controls (but the line break, which escaping turns into `\n`), DEL, and lone surrogates. */
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A TEXT value: backslash, comma, semicolon and line breaks escaped (RFC 5545
 * 3.3.11, RFC 6350 3.4); control characters, which the grammar forbids, become
 * spaces so no record can end a line or start a property of its own. vCard
 * escapes a semicolon only inside a compound value (N, ADR, ORG): elsewhere
 * readers may keep the backslash.
 */
export function escapeText(value: string, { semicolon = true }: { semicolon?: boolean } = {}): string {
  return value
    .replace(/\r\n|\r|\n|\u2028|\u2029|\u0085/g, '\n')
    .replace(CONTROLS, ' ')
    .replace(semicolon ? /[\\;,]/g : /[\\,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** A parameter value: quoted when it holds `:;,`, with the characters a quoted value cannot hold dropped. */
export function paramValue(value: string): string {
  const clean = value.replace(CONTROLS, ' ').replace(/[\n"]/g, ' ');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

const encoder = new TextEncoder();

/**
 * Folds a line at 75 octets (RFC 5545 3.1, RFC 6350 3.2): a CRLF and a space
 * before each continuation, never inside a UTF-8 sequence or a surrogate pair.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation counts
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** Lines joined with CRLF, each folded, ending in CRLF. */
export function contentLines(lines: readonly string[]): string {
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
