// Writes a synthetic, valid data folder: N members with officers, meetings and
// publications in proportion (1 officer term per 100 members, 1 meeting per 20,
// 1 publication per 40). Deterministic for a given N.
//
//   node test/bench/generate.mjs 10000 test/bench/.data/10000
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const COUNTRIES = ['RU', 'BE', 'DE', 'IN', 'IT', 'KG', 'CN', 'LV', 'LT', 'US', 'FR', 'FI', 'CZ'];
const ORGS = ['Federal Customs Service', 'Embassy', 'Customs Board', 'Trade Mission'];

/** A small deterministic random source (mulberry32), so every run makes the same folder. */
function random(seed) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const day = (i) => {
  const d = new Date(Date.UTC(2003, 0, 1) + i * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const DAYS = 17 * 365; // 2003 … 2019

export function generate(n, dir) {
  const rnd = random(n);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  rmSync(dir, { recursive: true, force: true });
  for (const c of ['members', 'officers', 'meetings', 'publications']) mkdirSync(path.join(dir, c), { recursive: true });
  writeFileSync(path.join(dir, 'club.yaml'), `name: Benchmark Club
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
${COUNTRIES.map((c) => `  - country: ${c}\n    since: 2002-12`).join('\n')}
positions:
  - id: chairman
    title: Chairman
  - id: secretary
    title: Secretary
outlets:
  - id: customs
    name: Customs
    kind: magazine
  - id: fcs-website
    name: FCS website
    kind: website
`);

  // Members: joined on a random day; one in five has left later. Ten founders never leave.
  const members = [];
  for (let i = 0; i < n; i++) {
    const joined = i < 10 ? 0 : Math.floor(rnd() * DAYS);
    const left = i >= 10 && rnd() < 0.2 ? joined + 1 + Math.floor(rnd() * (DAYS - joined)) : undefined;
    const id = `member-${pad(i, 6)}`;
    members.push({ id, joined, left });
    writeFileSync(path.join(dir, 'members', `${id}.yaml`), [
      `name: Member ${i}`,
      `country: ${pick(COUNTRIES)}`,
      `category: ${rnd() < 0.5 ? 'customs' : 'embassy'}`,
      `organization: ${pick(ORGS)}`,
      `division: ${rnd() < 0.8 ? 'moscow' : 'saint-petersburg'}`,
      `joined: ${day(joined)}`,
      ...(left !== undefined ? [`left: ${day(left)}`] : []),
      `languages: [en, ru]`,
      '',
    ].join('\n'));
  }
  const isActive = (m, d) => m.joined <= d && (m.left === undefined || d < m.left);

  // Officer terms: each position passes from founder to founder in equal consecutive terms.
  const terms = Math.max(2, Math.floor(n / 100));
  const perPosition = Math.ceil(terms / 2);
  const length = Math.floor(DAYS / perPosition);
  let t = 0;
  for (const position of ['chairman', 'secretary']) {
    for (let k = 0; k < perPosition && t < terms; k++, t++) {
      const from = k * length;
      const last = k === perPosition - 1;
      writeFileSync(path.join(dir, 'officers', `${position}-${pad(k, 5)}.yaml`),
        `position: ${position}\nmember: member-${pad((k + (position === 'secretary' ? 5 : 0)) % 10, 6)}\nfrom: ${day(from)}\n${last ? '' : `to: ${day(from + length - 1)}\n`}`);
    }
  }

  // Meetings: spread over the years, each with ten attendees who were members that day.
  const meetings = Math.max(1, Math.floor(n / 20));
  const meetingDays = [];
  for (let i = 0; i < meetings; i++) {
    const d = Math.floor((i * DAYS) / meetings);
    meetingDays.push(d);
    // Ten attendees who were members that day, drawn at random (founders are members throughout).
    const attendees = new Set();
    for (let tries = 0; attendees.size < 10 && tries < 1000; tries++) {
      const m = pick(members);
      if (isActive(m, d)) attendees.add(m.id);
    }
    for (let f = 0; attendees.size < 10 && f < Math.min(10, n); f++) attendees.add(members[f].id);
    const presenter = [...attendees][0];
    writeFileSync(path.join(dir, 'meetings', `m-${pad(i, 6)}.yaml`), [
      `title: Meeting ${i}`,
      `date: ${day(d)}`,
      'start: "10:00"',
      'end: "12:00"',
      `kind: ${i % 5 === 0 ? 'off-site' : 'regular'}`,
      'division: moscow',
      'status: held',
      'venue:',
      '  name: Hall',
      '  city: Moscow',
      'agenda:',
      '  - title: Opening report',
      `    presenter: ${presenter}`,
      '    minutes: 30',
      '  - title: Discussion',
      '    minutes: 60',
      `attendees: [${[...attendees].join(', ')}]`,
      '',
    ].join('\n'));
  }

  const publications = Math.max(1, Math.floor(n / 40));
  for (let i = 0; i < publications; i++) {
    const m = Math.floor(rnd() * meetings);
    writeFileSync(path.join(dir, 'publications', `p-${pad(i, 6)}.yaml`),
      `title: Report ${i}\noutlet: ${i % 2 ? 'customs' : 'fcs-website'}\ndate: ${day(meetingDays[m] + 3)}\nmeetings: [m-${pad(m, 6)}]\n`);
  }
  return { members: n, officers: terms, meetings, publications };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, dir] = process.argv.slice(2);
  console.log(generate(Number(n), dir));
}
