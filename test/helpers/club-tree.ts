import type { Tree } from './testdir.js';

/**
 * A small valid data folder: two divisions, three member countries, two
 * positions held, one outlet, a member for each country. Valid with no
 * warnings on AS_OF. Rule tests add or replace one file and look for one code.
 */
export const AS_OF = '2020-01-15';

export const CLUB_YAML = `name: Test Club
founded: 2002-12
timezone: Europe/Moscow
divisions:
  - id: moscow
    city: Moscow
    since: 2002-12
  - id: saint-petersburg
    city: Saint Petersburg
    since: 2008
member_countries:
  - country: RU
    since: 2002-12
  - country: FI
    since: 2002-12
  - country: DE
    since: 2010
positions:
  - id: chairman
    title: Chairman
  - id: secretary
    title: Secretary
outlets:
  - id: customs
    name: Customs
    kind: magazine
`;

export const member = (fields: Record<string, string>): string =>
  Object.entries({
    name: 'Someone X.',
    country: 'RU',
    category: 'customs',
    division: 'moscow',
    joined: '2015-01-01',
    ...fields,
  })
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}\n`)
    .join('');

export function baseTree(): Tree {
  return {
    'club.yaml': CLUB_YAML,
    'members/ivanov-i-i.yaml': member({ name: 'Ivanov I.I.' }),
    'members/petrov-p-p.yaml': member({ name: 'Petrov P.P.', joined: '2016-03-01' }),
    'members/virtanen-a.yaml': member({ name: 'Virtanen A.', country: 'FI', category: 'embassy' }),
    'members/muller-k.yaml': member({ name: 'Müller K.', country: 'DE', joined: '2012-05-01' }),
    'officers/chairman-ivanov-i-i.yaml': 'position: chairman\nmember: ivanov-i-i\nfrom: 2015-01-01\n',
    'officers/secretary-petrov-p-p.yaml': 'position: secretary\nmember: petrov-p-p\nfrom: 2016-03-01\n',
  };
}

export const MEETING = `date: 2019-06-20
start: "10:00"
end: "12:00"
kind: regular
division: moscow
status: held
venue:
  name: FCS headquarters
  city: Moscow
guests:
  - id: ambassador-fi
    name: Guest G.
    title: Ambassador
agenda:
  - title: Opening
    presenter: ivanov-i-i
    minutes: 10
  - title: Address
    presenter: ambassador-fi
    minutes: 20
attendees: [ivanov-i-i, petrov-p-p]
apologies: [virtanen-a]
`;
