import { JSDOM } from 'jsdom';
import { afterAll, beforeAll } from 'vitest';

/** What the tests read of Mermaid's parse of an xychart. */
export interface XyData { xAxis: { categories: string[] }; yAxis: { min: number; max: number }; plots: { type: string; data: [string, number][] }[] }
/** What the tests read of Mermaid's parse of a gantt chart. */
export interface Task { section: string; task: string; startTime: Date; endTime: Date }
export interface Diagram { type: string; db: { getXYChartData?: () => XyData; getTasks?: () => Task[] } }
export interface Mermaid {
  initialize(c: object): void;
  /** Resolves with the type of diagram read (getDiagramFromText's `type`); rejects on text Mermaid cannot parse. */
  parse(text: string): Promise<{ diagramType: string }>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<Diagram> };
}

/**
 * Mermaid's own parser, for the test file that calls this at its top level. Mermaid wants a
 * browser: jsdom stands in for it while the file runs, and its globals go after the file, since
 * test files share a worker (vitest.config.ts: isolate: false) and the next one must not find a
 * browser here. Returns the loaded parser (ask for it inside a test, not at the top level).
 */
export function useMermaid(): () => Mermaid {
  let mermaid: Mermaid | undefined;
  beforeAll(async () => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    mermaid = (await import('mermaid')).default as unknown as Mermaid;
    mermaid.initialize({ startOnLoad: false });
  }, 60_000);
  afterAll(() => {
    const g = globalThis as { window?: unknown; document?: unknown };
    delete g.window;
    delete g.document;
  });
  return () => {
    if (mermaid === undefined) throw new Error('useMermaid: the parser is loaded in beforeAll; ask for it inside a test');
    return mermaid;
  };
}
