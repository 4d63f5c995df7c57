/**
 * How a file's text is written apart from what it says: its line ends (CR LF from an editor on Windows), whether its
 * last line ends, and a byte-order mark. yaml writes LF, a final newline and no mark; an edit gives the text back in
 * the file's own form, so that git shows the lines it changed, not every line.
 */
export interface TextForm {
  crlf: boolean;
  finalNewline: boolean;
  bom: boolean;
}

/** The form of `text`: CR LF only when every line ends so (a file of mixed ends is written with LF, as yaml writes it). */
export function textFormOf(text: string): TextForm {
  const bom = text.charCodeAt(0) === 0xfeff;
  const lf = (text.match(/\n/g) ?? []).length;
  const crlf = lf > 0 && (text.match(/\r\n/g) ?? []).length === lf;
  return { crlf, finalNewline: text === '' || text.endsWith('\n'), bom };
}

/** `text` without its form: no mark, LF line ends (what yaml parses and writes). */
export function plainText(text: string, form: TextForm = textFormOf(text)): string {
  const body = form.bom ? text.slice(1) : text;
  return form.crlf ? body.replace(/\r\n/g, '\n') : body;
}

/** `text`, as yaml wrote it (LF, a final newline), in `form`. */
export function inForm(text: string, form: TextForm): string {
  let out = form.finalNewline || !text.endsWith('\n') ? text : text.slice(0, -1);
  if (form.crlf) out = out.replace(/\n/g, '\r\n');
  return form.bom ? `\ufeff${out}` : out;
}
