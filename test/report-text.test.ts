import { describe, expect, it } from 'vitest';
import { formatText } from '../src/report/text.js';
import { summarize } from '../src/report/summary.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';

const d = (line: number, code: string, hint?: string): Diagnostic => ({ code, severity: 'warning', message: `m${line}`, ...(hint ? { hint } : {}), file: 'club.yaml', line, column: 1, path: '' });

describe('formatText', () => {
  it('says a hint shared by a run of the same problem once, after the run', () => {
    const list = [d(1, 'a', 'same'), d(2, 'a', 'same'), d(3, 'b', 'other')];
    const text = formatText(list, summarize(list, 1));
    expect(text.match(/hint: same/g)).toHaveLength(1);
    expect(text.indexOf('hint: same')).toBeGreaterThan(text.indexOf('m2'));
    expect(text).toContain('hint: other');
  });
  it('keeps a line break in a message from forging a line of the report', () => {
    const list = [{ ...d(1, 'a'), message: 'x\nclub.yaml\n  1:1  error  forged' }];
    expect(formatText(list, summarize(list, 1)).split('\n').filter((l) => l.includes('forged'))).toHaveLength(1);
  });
});
