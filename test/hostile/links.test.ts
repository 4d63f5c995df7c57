import { describe, expect, it } from 'vitest';
import { at, check, expectOne } from '../helpers/check.js';
import { baseTree, member } from '../helpers/club-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const publication = (url: string) => `title: Attachés meet\noutlet: customs\ndate: 2019-07\nurl: "${url}"\n`;

describe('links come only from http and https addresses', () => {
  it('accepts an https address', async () => {
    const found = await check({ 'publications/customs-2019-07.yaml': publication('https://customs.gov.ru/news/1') });
    expect(found.filter((d) => d.file === 'publications/customs-2019-07.yaml')).toEqual([]);
  });

  for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'ftp://example.org/x']) {
    it(`refuses ${url.split(':')[0]}: with a hint, at the url`, async () => {
      const text = publication(url);
      const d = expectOne(await check({ 'publications/customs-2019-07.yaml': text }), 'invalid-format', 'publications/customs-2019-07.yaml', at(text, '"', 'url:'));
      expect(d.hint).toContain('https://');
    });
  }

  it('the report makes no link of a javascript: address, and $ in a name is not math', async () => {
    const dir = testdir({
      ...baseTree(),
      'members/ivanov-i-i.yaml': member({ name: '"Ivanov $\\\\color{red}{x}$ I.I."' }),
      'publications/customs-2019-07.yaml': publication('javascript:alert(1)'),
    });
    const roster = await runCli(['roster', '--data', dir], { env: { CLUB_TODAY: '2020-01-15' } });
    expect(roster.stdout).toContain('Ivanov \\$\\\\color{red}{x}\\$ I.I.');
    const report = await runCli(['report', '--year', '2019', '--data', dir], { env: { CLUB_TODAY: '2020-01-15' } });
    expect(report.stdout).not.toMatch(/\]\(javascript:/i);
  });
});
