import path from 'node:path';
import { UsageError } from '../errors/errors.js';

/** What a file name's extension says it holds: the format club would write into it, and its name in a message. */
const BY_EXTENSION: Readonly<Record<string, { format: string; name: string }>> = {
  md: { format: 'md', name: 'a Markdown file' },
  markdown: { format: 'md', name: 'a Markdown file' },
  docx: { format: 'docx', name: 'a Word file' },
  doc: { format: 'doc', name: 'an old Word file' },
  odt: { format: 'odt', name: 'an OpenDocument text' },
  rtf: { format: 'rtf', name: 'an RTF file' },
  pdf: { format: 'pdf', name: 'a PDF file' },
  html: { format: 'html', name: 'a web page' },
  htm: { format: 'html', name: 'a web page' },
  ics: { format: 'ics', name: 'an iCalendar file' },
  ical: { format: 'ics', name: 'an iCalendar file' },
  vcf: { format: 'vcard', name: 'a vCard file' },
  vcard: { format: 'vcard', name: 'a vCard file' },
  csv: { format: 'csv', name: 'a CSV file' },
  tsv: { format: 'tsv', name: 'a TSV file' },
  xlsx: { format: 'xlsx', name: 'an Excel workbook' },
  xls: { format: 'xls', name: 'an old Excel workbook' },
  ods: { format: 'ods', name: 'an OpenDocument spreadsheet' },
  json: { format: 'json', name: 'a JSON file' },
  yaml: { format: 'yaml', name: 'a YAML file' },
  yml: { format: 'yaml', name: 'a YAML file' },
};

/** The extension a file of each format club writes is given, and the format's name in a message. */
const EXTENSION: Readonly<Record<string, string>> = { md: 'md', docx: 'docx', ics: 'ics', vcard: 'vcf', csv: 'csv', xlsx: 'xlsx', json: 'json', yaml: 'yaml' };
const NAME: Readonly<Record<string, string>> = {
  md: 'Markdown', docx: 'Word', ics: 'iCalendar', vcard: 'vCard', csv: 'CSV', xlsx: 'Excel', json: 'JSON', yaml: 'YAML', table: 'a text table',
};

const either = (items: readonly string[]) => items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/**
 * The format to write `file` in, checked against its extension, the same way for every command that
 * writes a file (documents, calendar, list): a known extension implies its format when --format is
 * left out; an extension naming another format than --format, or one the command cannot write
 * (`calendar -o club.docx`), is a usage error naming both. An unknown or missing extension decides
 * nothing: the result is `asked` (undefined when that too is absent: the caller's default).
 */
export function formatForFile(file: string | undefined, asked: string | undefined, writes: readonly string[], what: string): string | undefined {
  const implied = file === undefined ? undefined : BY_EXTENSION[path.extname(file).slice(1).toLowerCase()];
  if (implied === undefined) return asked;
  const renamed = (formats: readonly string[]) => {
    const extensions = formats.filter((f) => EXTENSION[f] !== undefined).map((f) => `.${EXTENSION[f]}`);
    return extensions.length === 0 ? undefined : `name the file ${either(extensions)}`;
  };
  if (asked !== undefined && asked !== implied.format) {
    const hint = [writes.includes(implied.format) ? 'leave --format out' : undefined, renamed([asked])].filter((h) => h !== undefined).join(', or ');
    throw new UsageError(`${file} names ${implied.name}, but --format ${asked} was asked`, hint || undefined);
  }
  if (!writes.includes(implied.format)) {
    throw new UsageError(`${file} names ${implied.name}, but club writes ${what} ${writes.length === 1 ? 'only ' : ''}as ${either(writes.map((f) => NAME[f] ?? f))}`,
      renamed(writes));
  }
  return implied.format;
}
