import { describe, expect, it } from 'vitest';
import { formatGithub } from '../src/report/github.js';
import { summarize } from '../src/report/summary.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';

describe('formatGithub', () => {
  it('escapes properties and message as the workflow-command syntax requires', () => {
    const d: Diagnostic = { code: 'x', severity: 'error', message: '100% wrong\r\nsecond line', hint: 'a, b: c', file: 'data/a,b:c%.yaml', line: 3, column: 7, path: '' };
    const [line] = formatGithub([d], summarize([d], 1)).split('\n');
    expect(line).toBe('::error file=data/a%2Cb%3Ac%25.yaml,line=3,col=7,title=club x::100%25 wrong%0D%0Asecond line (a, b: c)');
  });
});
