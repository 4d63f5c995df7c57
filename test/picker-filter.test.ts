import { describe, expect, it } from 'vitest';
import { rowsOf, visibleRows } from '../src/cli/filter-checkbox.js';

/** China's members as the record picker lists them: Latin name · native name (Cyrillic or Chinese). */
const rows = rowsOf([
  { label: 'China (CN)', choices: [
    { name: 'Zhang Wei · Чжан Вэй', value: 'zhang-wei', keywords: ['zhang-wei', 'Чжан Вэй'] },
    { name: 'Wang Fang · Ван Фан', value: 'wang-fang', keywords: ['wang-fang', 'Ван Фан'] },
    { name: 'Li Ming · 李明', value: 'li-ming', keywords: ['li-ming', '李明'] },
    { name: 'Liu Yang · 刘洋', value: 'liu-yang', keywords: ['liu-yang', '刘洋'] },
  ] },
  { label: 'Germany (DE)', choices: [{ name: 'Müller K.', value: 'muller-k' }] },
]);
const shown = (filter: string) => visibleRows(rows, filter).flatMap((r) => (r.kind === 'choice' ? [r.choice.value] : []));

describe("the record picker's filter (Who came?) finds members as every search does", () => {
  it('by Chinese characters for a name stored in Latin and Cyrillic, and by Cyrillic', () => {
    expect(shown('张')).toEqual(['zhang-wei']);
    expect(shown('Чжан')).toEqual(['zhang-wei']);
    expect(shown('王')).toEqual(['wang-fang']);
    expect(shown('李明')).toEqual(['li-ming']);
  });
  it('by Cyrillic as Russian writes a Chinese name (Palladius) for a name stored in Pinyin and characters only', () => {
    expect(shown('Лю')).toEqual(['liu-yang']);
    expect(shown('Лю Ян')).toEqual(['liu-yang']);
    expect(shown('Ли Мин')).toEqual(['li-ming']);
  });
  it('still without spaces or accents, and by the group (country)', () => {
    expect(shown('mullerk')).toEqual(['muller-k']);
    expect(shown('zhangwei')).toEqual(['zhang-wei']);
    expect(shown('china')).toEqual(['zhang-wei', 'wang-fang', 'li-ming', 'liu-yang']);
    expect(shown('')).toHaveLength(5);
  });
});
