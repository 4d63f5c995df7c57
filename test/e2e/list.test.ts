import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT, runCli } from '../helpers/run-cli.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');
const BROKEN = path.join(ROOT, 'test/fixtures/broken/data');

async function ids(args: string[]): Promise<string[]> {
  const run = await runCli(['list', ...args, '--data', RICH, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { id: string }[]).map((r) => r.id);
}

describe('club list', () => {
  describe('--where, each operator', () => {
    it('= matches a country by code or English name, ignoring case', async () => {
      expect(await ids(['members', '--where', 'country=FI'])).toEqual(['korhonen-j', 'virtanen-m']);
      expect(await ids(['members', '--where', 'country=finland'])).toEqual(['korhonen-j', 'virtanen-m']);
    });
    it('!= keeps records whose field differs or is absent', async () => {
      expect(await ids(['members', '--where', 'category!=customs'])).toEqual(['dupont-j', 'korhonen-j', 'novak-p', 'virtanen-m']);
    });
    it('~ is contains, case-insensitive', async () => {
      expect(await ids(['members', '--where', 'organization~EMBASSY'])).toEqual(['dupont-j', 'korhonen-j', 'novak-p', 'virtanen-m']);
    });
    it('< <= > >= compare dates, partial ones by their first day', async () => {
      expect(await ids(['members', '--where', 'joined<2015-09-01'])).toEqual(['ivanov-i-i', 'petrova-a-s']);
      expect(await ids(['members', '--where', 'joined<=2015-09-01'])).toEqual(['ivanov-i-i', 'petrova-a-s', 'virtanen-m']);
      expect(await ids(['members', '--where', 'joined>2018-10-01'])).toEqual(['anisimov-b', 'korhonen-j']);
      expect(await ids(['members', '--where', 'joined>=2018-10-01'])).toEqual(['anisimov-b', 'dupont-j', 'korhonen-j']);
      expect(await ids(['meetings', '--where', 'date>=2019-06', '--where', 'date<2019-12'])).toEqual(['2019-06-20-pskov', '2019-09-12-moscow', '2019-11-28-saint-petersburg']);
    });
    it('= on a date matches the shorter date it falls in', async () => {
      expect(await ids(['members', '--where', 'joined=2019'])).toEqual(['anisimov-b', 'korhonen-j']);
    });
    it('reaches nested fields by dot path, and list items', async () => {
      expect(await ids(['meetings', '--where', 'venue.city=Pskov'])).toEqual(['2019-06-20-pskov']);
      expect(await ids(['meetings', '--where', 'attendees=schmidt-h'])).toEqual(['2019-06-20-pskov', '2019-11-28-saint-petersburg']);
      expect(await ids(['meetings', '--where', 'guests.country=EE'])).toEqual(['2019-06-20-pskov']);
    });
    it('all conditions must hold', async () => {
      expect(await ids(['meetings', '--where', 'kind=regular', '--where', 'status=held'])).toEqual(['2019-03-14-moscow', '2019-11-28-saint-petersburg']);
    });
    it('answers the magazine question: what did "Customs" publish about us', async () => {
      expect(await ids(['publications', '--where', 'outlet=customs'])).toEqual(['customs-2019-04']);
    });
  });

  it('--as-of keeps members and terms in force on that date', async () => {
    expect(await ids(['members', '--as-of', '2018-03-01'])).toEqual(['ivanov-i-i', 'novak-p', 'petrova-a-s', 'schmidt-h', 'virtanen-m', 'wang-li']);
    expect(await ids(['members', '--as-of', '2019-09-01', '--where', 'country=FI'])).toEqual(['korhonen-j']);
    expect(await ids(['officers', '--as-of', '2018-12-31', '--where', 'position=chairman'])).toEqual(['chairman-ivanov-i-i']);
    expect(await ids(['officers', '--as-of', '2019-01-01', '--where', 'position=chairman'])).toEqual(['chairman-petrova-a-s']);
  });

  it('sorts names the way people expect, Cyrillic and Chinese too; records without the field last', async () => {
    const sorted = await ids(['members', '--sort', 'name_native']);
    expect(sorted.slice(0, 4)).toEqual(['anisimov-b', 'ivanov-i-i', 'petrova-a-s', 'wang-li']);
    expect(sorted).toHaveLength(9);
    expect(await ids(['members', '--sort', 'name', '--limit', '3'])).toEqual(['anisimov-b', 'dupont-j', 'ivanov-i-i']);
  });

  it('sorts descending with -FIELD, then by the next key', async () => {
    expect(await ids(['members', '--sort', '-joined', '--limit', '3'])).toEqual(['korhonen-j', 'anisimov-b', 'dupont-j']);
    expect(await ids(['members', '--sort', 'country', '--sort', '-joined', '--limit', '3'])).toEqual(['wang-li', 'novak-p', 'korhonen-j']);
  });

  it('gives a plain JSON array of records that carry their id', async () => {
    const run = await runCli(['list', 'members', '--data', RICH, '--format', 'json', '--where', 'country=CN']);
    expect(JSON.parse(run.stdout)).toEqual([{
      id: 'wang-li', name: 'Wang Li', name_native: '王力', country: 'CN', category: 'customs',
      organization: 'Test Customs of China', title: 'Customs Attaché', division: 'moscow', joined: '2016-01-15', languages: ['zh', 'ru'],
    }]);
  });

  it('writes RFC 4180 CSV with a header row that a CSV parser reads back, quotes and commas included', async () => {
    const run = await runCli(['list', 'members', '--data', RICH, '--format', 'csv', '--fields', 'id,title,organization,languages']);
    const rows = parseCsv(run.stdout) as string[][];
    expect(rows[0]).toEqual(['id', 'title', 'organization', 'languages']);
    expect(rows).toContainEqual(['novak-p', 'Attaché for "customs", senior', 'Embassy of the Czech Republic', '']);
    expect(rows).toContainEqual(['petrova-a-s', 'Deputy Head', 'Test Customs Service, North-West', '']);
    expect(rows).toContainEqual(['ivanov-i-i', 'Head of Department', 'Test Customs Service', 'ru; en']);
    expect(rows).toHaveLength(10);
  });

  it('writes YAML that parses to the same records as JSON', async () => {
    const yaml = await runCli(['list', 'meetings', '--data', RICH, '--format', 'yaml']);
    const json = await runCli(['list', 'meetings', '--data', RICH, '--format', 'json']);
    expect(parseYaml(yaml.stdout)).toEqual(JSON.parse(json.stdout));
  });

  it('writes a Markdown table whose rows keep their columns, with | in data escaped', async () => {
    const run = await runCli(['list', 'publications', '--data', RICH, '--format', 'md', '--fields', 'id,summary']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('| id | summary |');
    expect(lines[1]).toBe('| --- | --- |');
    expect(run.stdout).toContain('photo \\| caption');
    for (const line of lines) expect(line.split(/(?<!\\)\|/).length).toBe(4);
  });

  it('prints a table with countries by English name', async () => {
    const run = await runCli(['list', 'members', '--data', RICH, '--where', 'country=CZ']);
    expect(run.stdout).toMatch(/^ID +NAME +COUNTRY/);
    expect(run.stdout).toContain('Czechia');
  });

  it('picks fields by dot path', async () => {
    const run = await runCli(['list', 'meetings', '--data', RICH, '--format', 'json', '--fields', 'id,venue.city,guests.name', '--where', 'kind=off-site']);
    expect(JSON.parse(run.stdout)).toEqual([{ id: '2019-06-20-pskov', 'venue.city': 'Pskov', 'guests.name': ['Tamm K.', 'Lepp A.'] }]);
  });

  describe('usage errors (exit 2) name the fields that exist', () => {
    for (const args of [['--where', 'contry=FI'], ['--sort', 'contry'], ['--fields', 'id,contry']]) {
      it(`${args.join(' ')}`, async () => {
        const run = await runCli(['list', 'members', '--data', RICH, ...args]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('did you mean `country`?');
        expect(run.stderr).toContain('fields: id, name,');
        expect(run.stdout).toBe('');
      });
    }
    it('a comparison on a field that is not a date', async () => {
      const run = await runCli(['list', 'members', '--data', RICH, '--where', 'name<B']);
      expect(run.code).toBe(2);
    });
    it('a bad date, a bad limit, an unknown collection', async () => {
      expect((await runCli(['list', 'members', '--data', RICH, '--where', 'joined<2019-13-01'])).code).toBe(2);
      expect((await runCli(['list', 'members', '--data', RICH, '--limit', 'many'])).code).toBe(2);
      expect((await runCli(['list', 'member', '--data', RICH])).code).toBe(2);
    });
  });

  it('works on an invalid folder as far as the data allows, warning that it has errors', async () => {
    const run = await runCli(['list', 'members', '--data', BROKEN, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: the data folder has \d+ errors/);
    const listed = (JSON.parse(run.stdout) as { id: string }[]).map((r) => r.id);
    expect(listed).toContain('li-wei'); // invalid, but readable
    expect(listed).not.toContain('broken-indent'); // not readable
  });
});

describe('club show', () => {
  it('shows a member with terms, meetings attended and presented at, and publications about them', async () => {
    const run = await runCli(['show', 'wang-li', '--data', RICH]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('member wang-li');
    expect(run.stdout).toContain('country: CN (China)');
    expect(run.stdout).toMatch(/Terms of office:\n {2}secretary-wang-li +Secretary, 2016-02-01 – in office/);
    expect(run.stdout).toMatch(/Meetings attended:\n {2}2019-03-14-moscow/);
    expect(run.stdout).toContain('2019-03-14: E-declarations at the border');
    expect(run.stdout).toContain('customs-2019-04');
  });

  it('shows a meeting with its attendees, guests and publications as JSON', async () => {
    const run = await runCli(['show', '2019-06-20-pskov', '--data', RICH, '--format', 'json']);
    const doc = JSON.parse(run.stdout);
    expect(doc.collection).toBe('meetings');
    expect(doc.record.id).toBe('2019-06-20-pskov');
    expect(doc.related.chair).toEqual([{ id: 'petrova-a-s', text: 'Petrova A.S. (RU)' }]);
    expect(doc.related.attendees.map((a: { id: string }) => a.id)).toEqual(['petrova-a-s', 'wang-li', 'novak-p', 'schmidt-h', 'dupont-j']);
    expect(doc.related.guests[0].id).toBe('head-ee');
    expect(doc.related.publications).toEqual([{ id: 'fcs-2019-06-21', text: '2019-06-21, fcs-website: The club visits Pskov' }]);
  });

  it('shows as YAML', async () => {
    const run = await runCli(['show', 'chairman-petrova-a-s', '--data', RICH, '--format', 'yaml']);
    expect(parseYaml(run.stdout).related.member).toEqual([{ id: 'petrova-a-s', text: 'Petrova A.S. (RU)' }]);
  });

  it('suggests the nearest ids for an unknown one (exit 2)', async () => {
    const run = await runCli(['show', 'wang-lee', '--data', RICH]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean `wang-li`');
  });
});

describe('queries on records with errors', () => {
  it('show a country that is not a code as written, in every command that names countries', async () => {
    const { testdir } = await import('../helpers/testdir.js');
    const { baseTree, member } = await import('../helpers/club-tree.js');
    const dir = testdir({ ...baseTree(), 'members/li-wei.yaml': member({ name: 'Li Wei', country: 'China' }) });
    for (const args of [['list', 'members'], ['list', 'members', '--format', 'md'], ['list', 'members', '--sort', 'country'], ['show', 'li-wei'], ['roster']]) {
      const run = await runCli([...args, '--data', dir, '--as-of', '2020-01-15']);
      expect(run.stderr, args.join(' ')).not.toContain('internal error');
      expect(run.code, args.join(' ')).toBe(0);
    }
    expect((await runCli(['list', 'members', '--data', dir, '--where', 'country=China'])).stdout).toContain('li-wei');
  });
});
