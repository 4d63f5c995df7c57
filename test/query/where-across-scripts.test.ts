import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadClub, type RawRecord } from '../../src/load/load.js';
import type { ClubInfo } from '../../src/model/types.js';
import { fieldCatalogue } from '../../src/query/fields.js';
import { runList } from '../../src/query/list.js';
import { readDataFolder } from '../../src/store/read-folder.js';
import { schemaDocs, schemas } from '../helpers/load-tree.js';

const RICH = path.resolve(import.meta.dirname, '../fixtures/rich/data');
let records: RawRecord[];
let info: ClubInfo | undefined;

beforeAll(async () => {
  const folder = await readDataFolder(RICH, RICH);
  const loaded = loadClub(folder.files.map((f) => ({ file: f.file, collection: f.collection, stem: f.stem, text: f.text ?? '' })), schemas);
  records = loaded.records;
  info = loaded.club.info?.data;
});

function list(collection: 'members' | 'meetings' | 'publications' | 'officers', ...where: string[]) {
  const kind = ({ members: 'member', meetings: 'meeting', publications: 'publication', officers: 'officer' } as const)[collection];
  const result = runList(records, fieldCatalogue(kind, schemaDocs), { collection, where, sort: [], info });
  return { ids: result.rows.map((r) => r.id), warnings: result.warnings };
}

describe('--where across scripts', () => {
  it('country by code, English name or Russian name gives the same members', () => {
    const byCode = list('members', 'country=RU');
    expect(byCode.ids).toEqual(['anisimov-b', 'ivanov-i-i', 'petrova-a-s']);
    for (const value of ['Россия', 'россия', 'russia', 'RUSSIA', 'ru']) expect(list('members', `country=${value}`), value).toEqual(byCode);
  });
  it('a name matches the Latin name or the native one, case, accents and ё aside', () => {
    expect(list('members', 'name~иван').ids).toEqual(['ivanov-i-i']); // Иванов И.И. and, transliterated, Ivanov
    expect(list('members', 'name=Петрова А.С.').ids).toEqual(['petrova-a-s']);
    expect(list('members', 'name=novak p.').ids).toEqual(['novak-p']);
    expect(list('members', 'name~王').ids).toEqual(['wang-li']);
  });
  it('a division, outlet or position by its code or its name in either language', () => {
    const spb = list('members', 'division=saint-petersburg').ids;
    expect(spb.length).toBeGreaterThan(0);
    expect(list('members', 'division=Saint Petersburg').ids).toEqual(spb);
    expect(list('members', 'division=Санкт-Петербург').ids).toEqual(spb);
    expect(list('publications', 'outlet=Таможенные новости').ids).toEqual(list('publications', 'outlet=customs-news').ids);
    expect(list('officers', 'position=Председатель').ids).toEqual(list('officers', 'position=chairman').ids);
  });
  it('a value that is no code or name of a coded field warns with the nearest, instead of nothing in silence', () => {
    expect(list('members', 'country=Rusia')).toEqual({ ids: [], warnings: ['--where country=Rusia: no country has the code or name `Rusia`; did you mean `RU` (Russia)?'] });
    expect(list('members', 'country=Росия').warnings).toEqual(['--where country=Росия: no country has the code or name `Росия`; did you mean `RU` (Russia)?']);
    expect(list('members', 'category=custom').warnings).toEqual(['--where category=custom: no category has the code or name `custom`; did you mean `customs`?']);
    expect(list('meetings', 'kind=offsite').warnings).toEqual(['--where kind=offsite: no kind has the code or name `offsite`; did you mean `off-site`?']);
    expect(list('meetings', 'status=done').warnings).toEqual(['--where status=done: no status has the code or name `done`']);
    expect(list('members', 'division=Pskov').warnings).toEqual(['--where division=Pskov: no division has the code or name `Pskov`']);
    expect(list('publications', 'outlet=Custom').warnings).toEqual(['--where outlet=Custom: no outlet has the code or name `Custom`; did you mean `customs` (Customs)?']);
  });
  it('a reference (member, attendees, presenter, meetings…) that names no record warns with the nearest ids, as a code does', () => {
    expect(list('officers', 'member=nobody')).toEqual({ ids: [], warnings: ['--where member=nobody: no member has the id or name `nobody`'] });
    expect(list('officers', 'member=ivanov-i')).toEqual({ ids: [], warnings: ['--where member=ivanov-i: no member has the id or name `ivanov-i`; did you mean `ivanov-i-i` (Ivanov I.I.)?'] });
    expect(list('meetings', 'attendees=wang-lee').warnings).toEqual(['--where attendees=wang-lee: no member has the id or name `wang-lee`; did you mean `wang-li` (Wang Li)?']);
    expect(list('meetings', 'agenda.presenter!=novak-q').warnings).toEqual(['--where agenda.presenter!=novak-q: no member has the id or name `novak-q`; did you mean `novak-p` (Novák P.)?']);
    expect(list('publications', 'meetings=2019-06-20-pskof').warnings).toEqual(['--where meetings=2019-06-20-pskof: no meeting has the id or name `2019-06-20-pskof`; did you mean `2019-06-20-pskov`?']);
    // An id the folder has is no warning, and a member is found by name as well as by id.
    expect(list('officers', 'member=ivanov-i-i')).toEqual({ ids: list('officers', 'member=Иванов И.И.').ids, warnings: [] });
    expect(list('officers', 'member=ivanov-i-i').ids.length).toBeGreaterThan(0);
    expect(list('publications', 'meetings=2019-06-20-pskov').warnings).toEqual([]);
  });
  it('a member reference is found by a name as it is written; one only transliterated selects nothing and says whom it may mean', () => {
    const byId = list('meetings', 'agenda.presenter=novak-p').ids;
    expect(byId.length).toBeGreaterThan(0);
    expect(list('meetings', 'agenda.presenter=novak p.')).toEqual({ ids: byId, warnings: [] });
    expect(list('meetings', 'agenda.presenter=Новак П.')).toEqual({ ids: [], warnings: [ // stored as Novák P. only
      '--where agenda.presenter=Новак П.: no member has the id or name `Новак П.`; did you mean `novak-p` (Novák P.)? (`Новак П.` matches only when transliterated)',
    ] });
  });
  it('a known code that no record has is no warning; nor is ~ or a free-text field', () => {
    expect(list('members', 'country=IT')).toEqual({ ids: [], warnings: [] });
    expect(list('members', 'country~xyz').warnings).toEqual([]);
    expect(list('members', 'organization=Nowhere').warnings).toEqual([]);
  });
});
