import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Registration } from '../src/cli/command.js';
import { dateForms } from '../src/model/date-forms.js';
import type { Prompter } from '../src/cli/prompter.js';
import { askDate } from '../src/cli/typed-values.js';
import { ROOT, runCli } from './helpers/run-cli.js';

const FULL = 'YYYY-MM-DD or DD.MM.YYYY';
const PARTIAL = 'YYYY-MM-DD or DD.MM.YYYY; YYYY-MM, MM.YYYY or YYYY when that is all that is known';

/** A prompter that answers every text question with `answer` and keeps the questions it was asked (a blank optional one is not checked, as in prompter.ts). */
function answering(answer: string): { p: Prompter; asked: string[] } {
  const asked: string[] = [];
  const p = {
    text: async (message: string, o: { required?: boolean; validate?: (v: string) => string | true } = {}) => {
      asked.push(message);
      const valid = answer === '' && !o.required ? true : o.validate?.(answer) ?? true;
      if (valid !== true) throw new Error(`${answer} refused at "${message}": ${valid}`);
      return answer;
    },
  } as unknown as Prompter;
  return { p, asked };
}

describe('a date question says the forms it takes, from askDate (not each caller)', () => {
  it('a day: the question, then (YYYY-MM-DD or DD.MM.YYYY); 15.01.2020 is taken as 2020-01-15', async () => {
    const { p, asked } = answering('15.01.2020');
    expect(await askDate(p, 'First day of the term', { required: true, default: '2020-02-01' })).toBe('2020-01-15');
    expect(asked).toEqual([`First day of the term (${FULL})`]);
  });

  it('a partial date names YYYY-MM, MM.YYYY and YYYY, and the question takes 03.2019 as 2019-03', async () => {
    const { p, asked } = answering('03.2019');
    expect(await askDate(p, 'Joined', { required: true, partial: true })).toBe('2019-03');
    expect(asked).toEqual([`Joined (${PARTIAL})`]);
  });

  it('a question that may be left blank says "optional" after the forms; a note comes between', async () => {
    const blank = answering('');
    expect(await askDate(blank.p, 'Left', { partial: true })).toBe('');
    expect(blank.asked).toEqual([`Left (${PARTIAL}; optional)`]);
    const noted = answering('25.06.2020');
    expect(await askDate(noted.p, 'The new day of 2020-06-18-moscow', { required: true, note: 'it is on 2020-06-18 now' })).toBe('2020-06-25');
    expect(noted.asked).toEqual([`The new day of 2020-06-18-moscow (${FULL}; it is on 2020-06-18 now)`]);
  });

  it('a day question does not take a month alone, as its label says, and says so in the same words', async () => {
    const { p } = answering('03.2019');
    await expect(askDate(p, 'Date', { required: true })).rejects.toThrow(`refused at "Date (${FULL})": a date as ${FULL}`);
    const wrong = answering('soon');
    await expect(askDate(wrong.p, 'Joined', { required: true, partial: true }))
      .rejects.toThrow('a date as YYYY-MM-DD or DD.MM.YYYY (or YYYY-MM, MM.YYYY or YYYY when that is all that is known)');
  });

  it('no caller writes the forms into its question by hand (they would drift from askDate\'s)', () => {
    const dir = path.join(ROOT, 'src/cli');
    const calls = readdirSync(dir).filter((f) => f.endsWith('.ts')).flatMap((f) =>
      [...readFileSync(path.join(dir, f), 'utf8').matchAll(/askDate\([^,]+,\s*([^,]+),/g)].map((m) => `${f}: ${m[1]}`));
    expect(calls.length).toBeGreaterThanOrEqual(9);
    expect(calls.filter((c) => /YYYY|DD\.MM/.test(c))).toEqual([]);
  });
});

describe('--help of every date flag names the same forms as the questions', () => {
  /** Every command's date options, registered on a program of their own as main.ts registers them. */
  async function dateOptions(): Promise<{ flag: string; description: string }[]> {
    const dir = path.join(ROOT, 'src/cli/commands');
    const out: { flag: string; description: string }[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const module = await import(path.join(dir, f)) as Record<string, Registration>;
      for (const registration of Object.values(module)) {
        if (typeof registration?.register !== 'function') continue;
        const command = registration.register(new Command('club'), { io: {} as never, exit: () => undefined });
        for (const o of command.options.filter((x) => /<date>/.test(x.flags))) out.push({ flag: `${registration.name} ${o.long!}`, description: o.description });
      }
    }
    return out;
  }

  it('each says (YYYY-MM-DD or DD.MM.YYYY…), and the ones that take a month or a year say so', async () => {
    const options = await dateOptions();
    expect(options.length).toBeGreaterThanOrEqual(14);
    const partial = ['add-member --joined', 'add-member --left', 'add-publication --date', 'init --founded'];
    for (const o of options) {
      expect(o.description, o.flag).toContain(`(${dateForms(partial.includes(o.flag))}`);
      if (!partial.includes(o.flag)) expect(o.description, o.flag).not.toContain('YYYY-MM,');
    }
    expect(options.map((o) => o.flag)).toEqual(expect.arrayContaining(partial));
  });

  it('club --help says the same of --as-of', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`--as-of <date> take this date as today (${FULL}; default: $CLUB_TODAY`);
  });
});
