import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { problem, type Rule } from './rule.js';

/**
 * A `cancel_reason` belongs to a cancelled meeting. On a planned or held one it
 * is left over from an undone cancellation: a warning, as no document shows it.
 */
export const cancelReason: Rule = (club) => {
  const out: Diagnostic[] = [];
  for (const m of club.meetings) {
    const { status, cancel_reason: reason } = m.data;
    if (reason === undefined || status === 'cancelled') continue;
    out.push(problem(m, ['cancel_reason'], 'reason-without-cancel',
      `the meeting of ${m.data.date} gives a reason for cancelling, but its status is \`${status}\``,
      { severity: 'warning', at: 'key', hint: 'remove `cancel_reason`, or cancel the meeting with `club cancel`' }));
  }
  return out;
};
