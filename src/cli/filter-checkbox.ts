import {
  createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useKeypress, useMemo, usePagination, usePrefix, useState,
  type Theme,
} from '@inquirer/core';
import { queryForms, searchFold } from '../model/search-text.js';

// @inquirer/checkbox cannot filter, and a club has dozens of members: this is
// the same prompt built on the same core, with a filter line. Letters typed go
// to the filter (matched against each choice's keywords: Latin and native
// name, country code and name); space ticks, arrows move, enter finishes.

export interface FilterChoice<T> {
  name: string;
  value: T;
  /** Texts the filter matches, besides the name. */
  keywords?: readonly string[];
  checked?: boolean;
}

export interface FilterGroup<T> {
  label: string;
  choices: readonly FilterChoice<T>[];
}

export interface FilterCheckboxConfig<T> {
  message: string;
  groups: readonly FilterGroup<T>[];
  pageSize?: number;
}

type Row<T> = { kind: 'group'; label: string } | { kind: 'choice'; key: number; choice: FilterChoice<T>; haystack: string };

/** Folded as every search folds (searchFold), without spaces: `Müller K.` and `muller k` and `mullerk` all meet. */
const foldForFilter = (text: string): string => searchFold(text).replace(/ /g, '');

/**
 * The rows shown for a filter: groups with a matching choice, each with its matching choices.
 * The filter is looked for as every search looks (queryForms): `张` finds Zhang Wei, `Чжан` Чжан Вэй.
 */
export function visibleRows<T>(rows: readonly Row<T>[], filter: string): Row<T>[] {
  const terms = queryForms(filter).map((f) => f.replace(/ /g, ''));
  const out: Row<T>[] = [];
  let header: Row<T> | undefined;
  for (const row of rows) {
    if (row.kind === 'group') header = row;
    else if (terms[0] === '' || terms.some((t) => row.haystack.includes(t))) {
      if (header) {
        out.push(header);
        header = undefined;
      }
      out.push(row);
    }
  }
  return out;
}

export function rowsOf<T>(groups: readonly FilterGroup<T>[]): Row<T>[] {
  const rows: Row<T>[] = [];
  let key = 0;
  for (const g of groups) {
    // A group's label is a keyword of each of its choices: typing a country shows its members.
    rows.push({ kind: 'group', label: g.label });
    for (const choice of g.choices) {
      rows.push({ kind: 'choice', key: key++, choice, haystack: [choice.name, ...(choice.keywords ?? []), g.label].map(foldForFilter).join('\u0000') });
    }
  }
  return rows;
}

const prompt = createPrompt<unknown[], FilterCheckboxConfig<unknown>>((config, done) => {
  type T = unknown;
  const theme = makeTheme<Theme>({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const rows = useMemo(() => rowsOf(config.groups), [config.groups]);
  const [checked, setChecked] = useState<ReadonlySet<number>>(
    new Set(rows.flatMap((r) => (r.kind === 'choice' && r.choice.checked ? [r.key] : []))));
  const [filter, setFilter] = useState('');
  const [activeKey, setActiveKey] = useState<number | undefined>(undefined);

  const shown = visibleRows(rows, filter);
  const choices = shown.filter((r): r is Extract<Row<T>, { kind: 'choice' }> => r.kind === 'choice');
  const activeIndex = Math.max(0, choices.findIndex((r) => r.key === activeKey));
  const active = choices[activeIndex];

  useKeypress((key, rl) => {
    if (isEnterKey(key)) {
      setStatus('done');
      done(rows.flatMap((r) => (r.kind === 'choice' && checked.has(r.key) ? [r.choice.value] : [])));
    } else if (isUpKey(key) || isDownKey(key)) {
      if (choices.length === 0) return;
      const next = (activeIndex + (isUpKey(key) ? -1 : 1) + choices.length) % choices.length;
      setActiveKey(choices[next]!.key);
    } else if (isSpaceKey(key)) {
      // The space went into the line too: take it back out, it only ticks.
      rl.clearLine(0);
      rl.write(filter);
      if (!active) return;
      const next = new Set(checked);
      if (next.has(active.key)) next.delete(active.key);
      else next.add(active.key);
      setChecked(next);
    } else if (key.name === 'escape') {
      rl.clearLine(0);
      setFilter('');
    } else {
      const typed = rl.line.replace(/ /g, '');
      if (typed !== filter) {
        setFilter(typed);
        setActiveKey(undefined);
      }
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const names = rows.flatMap((r) => (r.kind === 'choice' && checked.has(r.key) ? [r.choice.name] : []));
    return `${prefix} ${message} ${theme.style.answer(names.length === 0 ? 'none' : names.join(', '))}`;
  }
  const list = usePagination({
    items: shown,
    active: active === undefined ? 0 : shown.indexOf(active),
    renderItem: ({ item }) => {
      if (item.kind === 'group') return ` ${theme.style.help(item.label)}`;
      const box = checked.has(item.key) ? '◉' : '◯';
      const line = `${item === active ? '❯' : ' '}${box} ${item.choice.name}`;
      return item === active ? theme.style.highlight(line) : line;
    },
    pageSize: config.pageSize ?? 12,
    loop: false,
  });
  const page = shown.length === 0 ? '  (nothing matches: backspace to change the filter)' : list;
  const help = theme.style.help(`type to filter · space to tick · ↑↓ to move · enter when done · ${checked.size} ticked`);
  return [`${prefix} ${message} ${filter === '' ? '' : `filter: ${filter}`}`.trimEnd(), page, help].join('\n');
});

/** A checkbox list, grouped, that narrows as the secretary types; resolves to the ticked values. */
export function filterCheckbox<T>(config: FilterCheckboxConfig<T>, context?: Parameters<typeof prompt>[1]): Promise<T[]> {
  return prompt(config as FilterCheckboxConfig<unknown>, context) as Promise<T[]>;
}
