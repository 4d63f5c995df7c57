/**
 * Text from the data made safe for a terminal: control characters (an escape
 * sequence in a field name could clear the screen or fake output) become
 * visible symbols, and line breaks become ⏎ so a value cannot forge a line.
 */
export function printable(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, '⏎')
    .replace(/[\u0000-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))
    .replace(/\u007f/g, '␡')
    .replace(/[\u0080-\u009f]/g, '\ufffd');
}
