import { holdersOn } from '../../model/membership.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

/** Each position has a holder today (a warning: a vacancy). */
export const vacantPosition: Rule = (club, asOf) => {
  const out: Diagnostic[] = [];
  const info = club.info;
  if (!info) return out;
  info.data.positions.forEach((position, i) => {
    if (holdersOn(club, position.id, asOf).length > 0) return;
    out.push(problem(info, ['positions', i, 'id'], 'vacant-position',
      `the position \`${position.id}\` (${position.title}) has no holder on ${asOf}`,
      { severity: 'warning', hint: `appoint someone: club appoint ${position.id} <member> --from <date>` }));
  });
  return out;
};
