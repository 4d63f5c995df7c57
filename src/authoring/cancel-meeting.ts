import type { Document } from 'yaml';
import { setMeetingField } from './meeting-field.js';

/** The edit `club cancel` makes: status cancelled, and why. */
export function applyCancel(doc: Document, reason: string): void {
  setMeetingField(doc, 'status', 'cancelled');
  setMeetingField(doc, 'cancel_reason', reason);
}
