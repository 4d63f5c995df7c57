import type { Decision, DecisionRecord } from './types.js';

/** A decision as a record, whether the file has it as a sentence or as `{text, …}`. */
export function asDecisionRecord(decision: Decision): DecisionRecord {
  return typeof decision === 'string' ? { text: decision } : decision;
}

/** The sentence of a decision. */
export function decisionText(decision: Decision): string {
  return typeof decision === 'string' ? decision : decision.text;
}
