import type { Loaded } from '../../model/club.js';
import { isRealDate } from '../../model/dates.js';
import type { RecordKind } from '../../model/types.js';
import { partialDates, somePartialDate } from '../../model/normalize.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatPath } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

const impossible = (value: unknown): boolean => typeof value === 'string' && !isRealDate(value);

/** A date may be partial (`2008`, `2002-12`), but what it names must exist: no 2019-02-30, no month 13. */
export const impossibleDate: Rule = (club) => {
  const out: Diagnostic[] = [];
  // club.yaml, then every member, officer term and publication, group by group rather than copied into one list.
  const groups: readonly (readonly Loaded<RecordKind>[])[] = [club.info ? [club.info] : [], club.members, club.officers, club.publications];
  for (const group of groups) for (const record of group) {
    if (!somePartialDate(record.kind, record.data, impossible)) continue; // the paths are made only for a record with a problem
    for (const { path, value } of partialDates(record.kind, record.data)) {
      if (impossible(value)) {
        out.push(problem(record, path, 'impossible-date', `\`${formatPath(path)}\`: ${value} is not a real date`,
          { hint: 'check the month and the day' }));
      }
    }
  }
  return out;
};
