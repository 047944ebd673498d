import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, ConflictError, isUuid, NotFoundError } from '@daena/platform';
import { UnknownModelError, type TaskType } from '../index.js';
import type { RoutingDecisionRecord } from '../domain/router-records.js';
import { RoutingDecisionRepository, type OutcomeSource } from '../store/decision-repository.js';
import type { ModelRegistry } from './model-registry.js';
import type { RouterAnnouncer } from './router-announcer.js';
import type { RouterStatistics } from './router-statistics.js';

/** Reading back what the router decided and learned, and explicit feedback on a decision. */
export class RoutingFeedback {
  constructor(
    private readonly parts: {
      fork(): EntityManager;
      registry: ModelRegistry;
      statistics: RouterStatistics;
      announcer: RouterAnnouncer;
    },
  ) {}

  async decision(id: string): Promise<RoutingDecisionRecord | null> {
    if (!isUuid(id)) return null;
    return this.repository().decision(id);
  }

  /**
   * Per (model, task type) over the sliding window, from every replica's stored buckets; a model
   * that is neither registered nor in the window is MODEL_NOT_FOUND, so a misspelt name is not
   * mistaken for a model without calls.
   */
  async stats(filter: { model?: string | undefined; taskType?: TaskType | undefined }) {
    const stats = await this.parts.statistics.stats(filter);
    if (filter.model && stats.length === 0 && !this.parts.registry.get(filter.model)) {
      throw new UnknownModelError(filter.model);
    }
    return stats;
  }

  /** Explicit feedback, once per decision; it updates the served model's quality posterior. */
  async feedback(decisionId: string, quality: number): Promise<RoutingDecisionRecord> {
    const current = await this.decision(decisionId);
    if (!current) throw new NotFoundError('RoutingDecision', decisionId);
    if (current.feedback !== null) throw feedbackRecorded(decisionId);
    if (!current.servedBy) {
      throw new ConflictError('This decision was never answered', 'DECISION_NOT_SERVED', {
        decisionId,
        status: current.status,
      });
    }
    // Conditional on no feedback yet: of two concurrent calls, one counts.
    const updated = await this.repository().setFeedback(decisionId, quality);
    if (!updated) throw feedbackRecorded(decisionId);
    const { statistics, announcer } = this.parts;
    for (const drift of statistics.feedback(current.servedBy, current.taskType, quality)) {
      announcer.drift(drift);
    }
    return updated;
  }

  /**
   * The outcome of the agent's task (`task`) or of the CMP decision (`decision`) a routed answer
   * served, 0–1 (issue 18): counted once per decision and source in the served model's posterior,
   * with that source's trust (`SIGNAL_TRUST`). Returns whether it counted (false: already had).
   */
  async outcome(decisionId: string, source: OutcomeSource, quality: number): Promise<boolean> {
    if (!Number.isFinite(quality) || quality < 0 || quality > 1) {
      throw new BadInputError('An outcome quality is between 0 and 1', 'INVALID_QUALITY', {
        quality,
      });
    }
    const current = await this.decision(decisionId);
    if (!current) throw new NotFoundError('RoutingDecision', decisionId);
    if (!current.servedBy) {
      throw new ConflictError('This decision was never answered', 'DECISION_NOT_SERVED', {
        decisionId,
        status: current.status,
      });
    }
    if (!(await this.repository().recordSignal(decisionId, source, quality))) return false;
    const { statistics, announcer } = this.parts;
    for (const drift of statistics.feedback(current.servedBy, current.taskType, quality, source)) {
      announcer.drift(drift);
    }
    return true;
  }

  private repository(): RoutingDecisionRepository {
    return new RoutingDecisionRepository(this.parts.fork());
  }
}

const feedbackRecorded = (decisionId: string) =>
  new ConflictError('Feedback on this decision was already recorded', 'FEEDBACK_ALREADY_RECORDED', {
    decisionId,
  });
