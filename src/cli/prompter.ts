import { CancelledError } from '../errors/errors.js';
import { textMatches } from '../model/search-text.js';
import type { FilterGroup } from './filter-checkbox.js';
import type { Io } from './io.js';
import { printable } from '../report/printable.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  /** Other texts a search finds this choice by: a native name, country names in English and Russian. */
  keywords?: readonly string[];
}

/** The questions club asks at a terminal; @inquirer/prompts underneath, writing to stderr. */
export interface Prompter {
  text(message: string, options?: { default?: string; required?: boolean; validate?: (value: string) => string | true }): Promise<string>;
  select<T>(message: string, choices: readonly Choice<T>[], defaultValue?: T): Promise<T>;
  search<T>(message: string, choices: readonly Choice<T>[]): Promise<T>;
  checkbox<T>(message: string, choices: readonly (Choice<T> & { checked?: boolean })[]): Promise<T[]>;
  /** A grouped checkbox list that narrows as the secretary types (see filter-checkbox.ts). */
  filterCheckbox<T>(message: string, groups: readonly FilterGroup<T>[]): Promise<T[]>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
}

/** Prompts only when stdin is a terminal and --no-input was not given. */
export function canPrompt(io: Io, input: boolean | undefined): boolean {
  return input !== false && io.stdin?.isTTY === true;
}

/** Ctrl-C (or a closed terminal) at any prompt is a cancellation: exit 130, nothing written. */
function cancelled(error: unknown): never {
  const name = (error as Error | undefined)?.name;
  throw name === 'ExitPromptError' || name === 'AbortPromptError' ? new CancelledError() : error;
}

/** Loaded on use: the prompt library is only needed when someone is asked something. */
export async function makePrompter(io: Io): Promise<Prompter> {
  const p = await import('@inquirer/prompts');
  // The prompt library moves the cursor with escape sequences of its own, so it writes to stderr
  // as it is; every string club hands it is neutralised here instead.
  const context = { input: io.stdin as NodeJS.ReadableStream, output: (io.rawStderr ?? io.stderr) as unknown as NodeJS.WritableStream, clearPromptOnDone: false };
  const safe = <T>(choices: readonly Choice<T>[]): Choice<T>[] => choices.map((c) => ({
    ...c, name: printable(c.name), ...(c.description !== undefined ? { description: printable(c.description) } : {}),
  }));
  return {
    text: (message, o = {}) => p.input({
      message: printable(message),
      ...(o.default !== undefined ? { default: printable(o.default) } : {}),
      required: o.required ?? false,
      ...(o.validate ? { validate: (v: string) => { const r = v === '' && !o.required ? true : o.validate!(v); return r === true ? r : printable(r); } } : {}),
    }, context).catch(cancelled),
    select: (message, choices, defaultValue) => p.select({ message: printable(message), choices: safe(choices), ...(defaultValue !== undefined ? { default: defaultValue } : {}) }, context).catch(cancelled),
    search: (message, choices) => p.search({
      message: printable(message),
      // Case, accents, ё/е and script aside: `иван`, `ivan` and `Иван` find Ivanov I.I. (Иванов И.И.).
      source: (term) => {
        const t = (term ?? '').trim();
        return safe(choices).filter((c) => t === '' || textMatches(t, [c.name, String(c.value), ...(c.keywords ?? [])]))
          .map(({ name, value, description }) => ({ name, value, ...(description !== undefined ? { description } : {}) }));
      },
      pageSize: 10,
    }, context).catch(cancelled),
    checkbox: (message, choices) => p.checkbox({ message: printable(message), choices: safe(choices), pageSize: 12 }, context).catch(cancelled),
    filterCheckbox: async (message, groups) => {
      const { filterCheckbox } = await import('./filter-checkbox.js');
      return filterCheckbox({ message, groups, pageSize: 14 }, context).catch(cancelled);
    },
    confirm: (message, defaultValue = true) => p.confirm({ message: printable(message), default: defaultValue }, context).catch(cancelled),
  };
}
