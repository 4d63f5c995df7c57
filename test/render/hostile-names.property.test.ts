import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaDocument } from '../../src/render/agenda.js';
import { rosterDocument } from '../../src/render/roster.js';
import { minutesDocument } from '../../src/render/minutes.js';
import { toMarkdown } from '../../src/render/markdown.js';
import { loadObjects } from '../helpers/load-tree.js';
import { lintMarkdowns, raggedRowsOf, tablesOf } from '../helpers/markdown-check.js';

const HOSTILE = ['|', '||', '<script>alert(1)</script>', '`', '``code``', '*', '**bold**', '_', '__x__', '\n', '\r\n', '# heading', '- item', '+ item',
  '1. item', '2) item', '[a](https://evil.example)', '![i](x.png)', '\\', '\\|', '&amp;', '&lt;', '<br>', '~~s~~', '>', '> quote', '---', '===', '    ', '\t', 'Ж', '王', '🙂', '<!--', '-->', '{', '}'];

/** Any text, with a good share of Markdown and HTML specials; non-empty after trimming, as a name would be. */
const hostile = fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom(...HOSTILE)), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''))
  .filter((s) => s.trim() !== '');

/** Each special in each place once: the name starts with it, the organization ends with it, the title has it at both ends. */
const EVERY_SPECIAL: [string, string, string][] = HOSTILE.map((_, i) => {
  const at = (k: number) => HOSTILE[(i + k) % HOSTILE.length]!;
  return [`${at(0)}x`, `x${at(12)}`, `${at(25)}x${at(25)}`];
});

const CLUB = {
  name: 'Test Club', founded: '2002-12', timezone: 'Europe/Moscow',
  divisions: [{ id: 'moscow', city: 'Moscow', since: '2002-12' }],
  member_countries: [{ country: 'RU' }, { country: 'FI' }],
  positions: [{ id: 'chairman', title: 'Chairman' }, { id: 'secretary', title: 'Secretary' }],
};

function club(name: string, org: string, title: string) {
  return loadObjects(CLUB, {
    members: {
      a: { name, country: 'RU', category: 'customs', division: 'moscow', joined: '2010', organization: org, title },
      b: { name: title, country: 'FI', category: 'embassy', division: 'moscow', joined: '2010', organization: name },
    },
    officers: { 'chairman-a': { position: 'chairman', member: 'a', from: '2010' } },
    meetings: {
      m: {
        title, date: '2019-06-20', start: '10:00', end: '12:00', kind: 'regular', division: 'moscow', status: 'held',
        venue: { name: org, city: name },
        guests: [{ id: 'g', name: org, title: name, organization: title }],
        agenda: [{ title: name, presenter: 'a', minutes: 20 }, { title: org, kind: 'break', minutes: 5 }, { title, presenter: 'g', minutes: 10 }],
        attendees: ['a', 'b'], decisions: [name, org],
      },
    },
  });
}

describe('any name renders to documents that keep their shape', () => {
  it('the records load: hostile text is valid data', () => {
    const { diagnostics } = club('<b>|x', '*o*', '`t`');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('roster, agenda and minutes: every table row has its header\'s cells, markdownlint passes, no raw HTML', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (name, org, title) => {
        const { club: c, diagnostics } = club(name, org, title);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const meeting = c.byId.meetings.get('m')!;
        const docs = [
          toMarkdown(rosterDocument(c, { asOf: '2019-12-31' })),
          toMarkdown(agendaDocument(c, meeting).doc),
          toMarkdown(minutesDocument(c, meeting)),
        ];
        const findings = lintMarkdowns(docs);
        const tables = docs.map(tablesOf); // each document read by marked once, for its rows and its headers
        // Each document: no ragged row, no finding, no raw HTML; the roster's tables have three or four columns and the
        // agenda's four. One expect for the documents (with them as its message), not eleven: vitest's expect() costs ~40 us a call.
        const shapes = docs.map((doc, i) => ({ ragged: raggedRowsOf(tables[i]!), findings: findings[i], rawHtml: doc.match(/<(script|br|b|!--)/i)?.[0] ?? null }));
        expect({ shapes, rosterColumns: tables[0]!.every((t) => t.header.length === 3 || t.header.length === 4), agendaColumns: tables[1]![0]!.header.length }, docs.join('\n\n----\n\n'))
          .toEqual({ shapes: docs.map(() => ({ ragged: [], findings: [], rawHtml: null })), rosterColumns: true, agendaColumns: 4 });
      }),
      // Every special text in every place first, at the start of a name, at the end of an
      // organization, at both ends of a title (37 runs each, rotated, so each special meets other
      // ones), then 60 drawn at random: what 150 random runs covered only with luck (each special
      // in each of the three places, about 1 in 20 of the runs), for two-thirds of the runs.
      { numRuns: EVERY_SPECIAL.length + 60, examples: EVERY_SPECIAL },
    );
  });
});
