import { describe, it } from 'vitest';
import { at, check, expectClean, expectOne } from '../helpers/check.js';
import { CLUB_YAML, MEETING } from '../helpers/club-tree.js';

describe('duplicate-entry and duplicate-guest-id', () => {
  it('accepts distinct ids', async () => {
    expectClean(await check({ 'meetings/2019-06-20-moscow.yaml': MEETING }));
  });
  it('reports a division id used twice in club.yaml', async () => {
    const club = CLUB_YAML.replace('  - id: saint-petersburg', '  - id: moscow');
    expectOne(await check({ 'club.yaml': club }), 'duplicate-entry', 'club.yaml', at(club, 'moscow', 'city: Moscow'));
  });
  it('reports two guests with one id in a meeting', async () => {
    const text = MEETING.replace('agenda:', '  - id: ambassador-fi\n    name: Other O.\nagenda:');
    expectOne(await check({ 'meetings/2019-06-20-moscow.yaml': text }), 'duplicate-guest-id', 'meetings/2019-06-20-moscow.yaml',
      at(text, 'ambassador-fi', 'Guest G.'));
  });
});
