import type { CallOutcome } from '../contracts.js';

/**
 * The quality signal a call gives the posterior and the drift detector, or null for none.
 *
 * A failed call is counted as quality 0 only when the failure is the model's answer being
 * unusable (`bad_response`: garbage or nothing; `content_filter`: it refused). Availability
 * failures — rate limits, 5xx, timeouts, network, an open circuit — say nothing about how good the
 * model's answers are: they are the breaker's and the health score's business, and counting them
 * as quality 0 would leave a model that had a ten-minute outage looking bad for days after it is
 * back. Our own mistakes (`bad_request`, `auth`, `context_length` from a token estimate, `aborted`)
 * are not the model's either.
 */
export function qualityEvidence(outcome: CallOutcome): number | null {
  if (outcome.ok) return outcome.quality;
  if (outcome.errorKind === 'bad_response' || outcome.errorKind === 'content_filter') return 0;
  return null;
}
