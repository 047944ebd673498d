import { MetricName, type MetricSampleDraft } from './samples-from-event.js';

/**
 * The department collaboration counter's domain (issue 17: "messages and shares across cells").
 * Both events name the department they count for: `agents.message.sent` its sender's department
 * and whether it left that cell (`crossesCells`), `knowledge.shared` the department whose entry
 * was shared (`fromDepartmentId`, null when knowledge could not name it then).
 */
export const unknownDepartment = 'unknown';

export interface Collaboration {
  /** The department id the exchange counts for, or `unknown`. */
  readonly department: string;
  readonly kind: 'message' | 'share';
}

/**
 * The exchange across cells one sample records, or null when it stays inside a cell or is not an
 * exchange: a message that left its sender's cell counts for the sender's department; an
 * approved share counts once, for the department whose knowledge was shared (its owner approved).
 */
export function collaborationOf(
  sample: Pick<MetricSampleDraft, 'name' | 'labels'>,
): Collaboration | null {
  const department = (label: string) => {
    const value = sample.labels[label];
    return typeof value === 'string' && value.length > 0 ? value : unknownDepartment;
  };
  if (sample.name === MetricName.shares) {
    return { department: department('fromDepartmentId'), kind: 'share' };
  }
  if (sample.name === MetricName.messagesSent && sample.labels['crossesCells'] === true) {
    return { department: department('fromDepartmentId'), kind: 'message' };
  }
  return null;
}
