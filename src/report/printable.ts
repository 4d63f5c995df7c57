/**
 * The one neutraliser for text that reaches a terminal or a CI log. Nothing
 * from a file may act on the reader's screen: control characters become
 * visible symbols (`␛`), C1 controls, bidi overrides and invisible characters
 * are shown by their code point (`<U+202E>`), and a line cannot start a CI
 * workflow command (`::error`, `##[`).
 */

// Invisible or direction-changing characters: a name could hide text or reorder what is shown.
// Soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul fillers, Khmer inherent
// vowels, Mongolian vowel separator, zero-width and direction marks, bidi embeddings, overrides
// and isolates, invisible operators, the byte-order mark, interlinear annotations, tag characters.
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]/gu;
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;

const codePoint = (c: string): string => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;

/** Controls, C1 controls and invisible characters shown visibly; line breaks are left to the caller. */
function showControls(text: string, keep: RegExp | undefined): string {
  return text
    .replace(/[\u0000-\u001f\u007f]/g, (c) => (keep?.test(c) ? c : c === '\u007f' ? '␡' : String.fromCharCode(0x2400 + c.charCodeAt(0))))
    .replace(/[\u0080-\u009f]/g, codePoint)
    .replace(INVISIBLE, codePoint);
}

/**
 * A line GitHub's runner would read as a workflow command: `::name` after any
 * leading white space, or `##[name` anywhere (the old syntax; `##vso[` is Azure's). The first
 * character of each is replaced by a look-alike, so the text still reads the same.
 */
export function noWorkflowCommand(line: string): string {
  return line.replace(/^(\s*):(?=:)/u, '$1\ua789').replace(/#(?=#(?:vso)?\[)/gi, '\uff03');
}

/**
 * Text printable leaves as it is, tested at once (most names, places and dates): ASCII letters, digits, spaces
 * and `, . ' " ( ) -`, Latin-1's letters, Cyrillic, CJK ideographs. No control, invisible or line-break
 * character, and no `:` or `#` to start a workflow command.
 */
const SHOWN_AS_IS = /^[A-Za-z0-9 ,.'"()\-\u00c0-\u00ff\u0400-\u04ff\u4e00-\u9fff]*$/;

/**
 * One value from the data, made safe to show in a line of terminal output:
 * line breaks become ⏎ so it cannot forge a line, and nothing in it is an
 * escape sequence, an invisible character or a workflow command.
 */
export function printable(text: string): string {
  if (SHOWN_AS_IS.test(text)) return text;
  return noWorkflowCommand(showControls(text.replace(LINE_BREAK, '⏎'), undefined));
}

const KEEP_LAYOUT = /[\t\n]/;
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Whole output on its way to a terminal or a log, line by line: the last
 * guard behind `printable`. Tabs and line feeds are layout; colour (SGR)
 * sequences are kept when `colour` is on (club's own styles), every other
 * escape sequence is shown as text.
 */
export function terminalSafe(text: string, colour: boolean): string {
  const lines = text.split('\n').map((line) => {
    const l = line.replace(/[\r\u0085\u2028\u2029]/g, '⏎');
    if (!colour) return noWorkflowCommand(showControls(l, /\t/));
    // Colour sequences survive; everything between them is neutralised.
    let out = '';
    let last = 0;
    for (const m of l.matchAll(SGR)) {
      out += showControls(l.slice(last, m.index), KEEP_LAYOUT) + m[0];
      last = m.index + m[0].length;
    }
    return noWorkflowCommand(out + showControls(l.slice(last), KEEP_LAYOUT));
  });
  return lines.join('\n');
}

/** Only the workflow-command guard, for output a program reads (a pipe in a CI job): values stay as they are otherwise. */
export function logSafe(text: string): string {
  return text.split('\n').map(noWorkflowCommand).join('\n');
}
