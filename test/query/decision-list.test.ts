import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDecisions } from '../../src/query/decision-list.js';
import { loadFolder } from '../helpers/load-folder.js';
import { ROOT } from '../helpers/run-cli.js';

const RICH = path.join(ROOT, 'test/fixtures/rich/data');

describe('listDecisions', () => {
  it('numbers the decisions of held meetings as the minutes do, oldest first', async () => {
    const { club } = await loadFolder(RICH);
    const { rows, columns } = listDecisions(club, { where: [], sort: [], today: '2019-12-31' });
    expect(columns.map((c) => c.path)).toEqual(['meeting', 'no', 'text', 'responsible', 'due', 'done', 'status']);
    expect(rows.map((r) => r.id)).toEqual(['2019-03-14-moscow#1', '2019-03-14-moscow#2', '2019-06-20-pskov#1', '2019-06-20-pskov#2', '2019-11-28-saint-petersburg#1']);
    expect(rows.map((r) => r.value.status)).toEqual(['done', 'open', 'done', 'open', 'open']);
    expect(rows.every((r) => r.value.status === 'open' || r.value.status === 'done')).toBe(true);
  });
  it('takes the where, sort and limit of the other lists, and the words open, done and overdue', async () => {
    const { club } = await loadFolder(RICH);
    const ids = (where: string[], sort: string[] = [], limit?: number) => listDecisions(club, { where, sort, limit, today: '2019-12-31' }).rows.map((r) => r.id);
    expect(ids(['meeting=2019-03-14-moscow', 'no>=2'])).toEqual(['2019-03-14-moscow#2']);
    expect(ids(['text~pskov'], ['-date'])).toEqual(['2019-06-20-pskov#1', '2019-03-14-moscow#1']);
    expect(ids(['responsible=wang-li', 'open'])).toEqual(['2019-03-14-moscow#2']);
    expect(ids([], [], 1)).toEqual(['2019-03-14-moscow#1']);
    expect(ids(['done'])).toEqual(['2019-03-14-moscow#1', '2019-06-20-pskov#1']);
    expect(ids(['overdue'])).toEqual(['2019-03-14-moscow#2']);
    expect(ids(['open', 'due<2020-01-01'])).toEqual(['2019-03-14-moscow#2']);
    expect(ids(['date>=2019-06-01', 'open'])).toEqual(['2019-06-20-pskov#2', '2019-11-28-saint-petersburg#1']);
  });
  it('warns when meeting= or responsible= names no meeting, member or guest, with the nearest; a known one is no warning', async () => {
    const { club } = await loadFolder(RICH);
    const warnings = (...where: string[]) => listDecisions(club, { where, sort: [], today: '2019-12-31' }).warnings;
    expect(warnings('meeting=2019-03-14-moskow')).toEqual(['--where meeting=2019-03-14-moskow: no meeting has the id or name `2019-03-14-moskow`; did you mean `2019-03-14-moscow`?']);
    expect(warnings('responsible=nobody')).toEqual(['--where responsible=nobody: no member has the id or name `nobody`']);
    expect(warnings('responsible=wang-li', 'meeting=2019-03-14-moscow', 'open')).toEqual([]);
  });
  it('names the fields when one does not exist', async () => {
    const { club } = await loadFolder(RICH);
    expect(() => listDecisions(club, { where: ['owner=x'], sort: [], today: '2019-12-31' })).toThrow(/there is no field `owner`/);
  });
});
