import stringWidth from 'string-width';

/**
 * Columns a text takes at a terminal (a CJK character two, a combining mark none).
 * Printable ASCII is one column a character, as string-width also says, at a small
 * fraction of its cost (it tests every character against a newly built emoji
 * pattern, ~4 µs a character): most cells and headers are plain ASCII.
 */
export function displayWidth(text: string): number {
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);
}
