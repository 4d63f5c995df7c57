import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderVcards } from '../../src/query/vcard.js';

/** Parses with ical.js (a reader we did not write) into one component per card. */
function readCards(text: string) {
  const parsed = ICAL.parse(text);
  const list = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  return list.map((jcal) => new ICAL.Component(jcal as never));
}

const values = (card: ICAL.Component, name: string) => card.getAllProperties(name).map((p) => p.getFirstValue());

describe('club list members --format vcard: vCard 4.0 read back by ical.js', () => {
  const members = [
    {
      id: 'konovalenko-s-a',
      value: {
        name: 'Konovalenko S.A.', name_native: 'Коноваленко С.А.', country: 'RU', category: 'customs' as const,
        organization: 'Federal Customs Service of Russia', title: 'Head of the Customs Cooperation Department',
        email: 'kon@example.org', phone: '+7 495 000-00-00', division: 'moscow', joined: '2019-06-16', languages: ['ru', 'en'],
      },
    },
    { id: 'wang-li', value: { name: 'Wang Li', name_native: '王力', country: 'CN', category: 'embassy' as const, division: 'moscow', joined: '2019' } },
    { id: 'korhonen-j', value: { name: 'Korhonen J.', country: 'FI', category: 'embassy' as const, division: 'moscow', joined: '2019' } },
  ];

  it('writes a card per member with name, native name, organization, title, e-mail, phone and country', () => {
    const text = renderVcards(members, 'test-club');
    const cards = readCards(text);
    expect(cards).toHaveLength(3);
    const [kon, wang, korhonen] = cards as [ICAL.Component, ICAL.Component, ICAL.Component];
    expect(kon.getFirstPropertyValue('version')).toBe('4.0');
    expect(values(kon, 'fn')).toEqual(['Konovalenko S.A.', 'Коноваленко С.А.']);
    expect(kon.getAllProperties('fn').map((p) => p.getParameter('language'))).toEqual(['en', 'ru']);
    expect(kon.getAllProperties('fn').map((p) => p.getParameter('altid'))).toEqual(['1', '1']);
    expect(values(kon, 'n')).toEqual([['Konovalenko', 'S.A.', '', '', ''], ['Коноваленко', 'С.А.', '', '', '']]);
    expect(kon.getFirstPropertyValue('org')).toBe('Federal Customs Service of Russia');
    expect(kon.getFirstPropertyValue('title')).toBe('Head of the Customs Cooperation Department');
    expect(kon.getFirstPropertyValue('email')).toBe('kon@example.org');
    expect(kon.getFirstPropertyValue('tel')).toBe('+7 495 000-00-00');
    expect(kon.getFirstPropertyValue('adr')).toEqual(['', '', '', '', '', '', 'Russia']);
    expect(kon.getFirstPropertyValue('uid')).toBe('konovalenko-s-a@test-club');
    expect(values(wang, 'fn')).toEqual(['Wang Li', '王力']);
    expect(wang.getAllProperties('fn')[1]!.getParameter('language')).toBe('zh');
    expect(values(korhonen, 'fn')).toEqual(['Korhonen J.']);
    expect(korhonen.getFirstPropertyValue('email')).toBeNull();
  });

  it('escapes commas, semicolons, backslashes and line breaks, drops control characters, folds long lines', () => {
    const name = 'Evil, Name; \\ x\nEND:VCARD\u001b[31m <script>' + 'Я'.repeat(3000);
    const text = renderVcards([{ id: 'evil', value: { name, organization: 'A; B, C', title: 'javascript:alert(1)', country: 'RU' } }], 'c');
    for (const line of text.split('\r\n').slice(0, -1)) {
      expect(line).toMatch(/^([A-Z][A-Z0-9-]*[;:]| )/);
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    }
    expect(text.match(/^END:VCARD/gm)).toHaveLength(1);
    const [card] = readCards(text);
    expect(card!.getFirstPropertyValue('fn')).toBe(name.replace('\u001b', ' '));
    expect(card!.getFirstPropertyValue('org')).toBe('A; B, C');
    expect(card!.getFirstPropertyValue('title')).toBe('javascript:alert(1)');
  });

  it('writes nothing for no members, and the same bytes for the same members', () => {
    expect(renderVcards([], 'c')).toBe('');
    expect(renderVcards(members, 'c')).toBe(renderVcards(members, 'c'));
  });
});
