import { Counter, type Registry } from 'prom-client';
import { MetricName, type MetricSampleDraft } from '../domain/samples-from-event.js';

/**
 * The seed's domain metrics on the metrics service's /metrics, counted from the same domain
 * events it stores (issue 17): CMP outcomes, votes, agent status changes, cross-cell messages and
 * knowledge entries. Prometheus and the embedded evaluator read them under these names; the
 * rules (observability/prometheus/rules) alert on them.
 */
export class DomainCounters {
  private readonly decisions = new Counter({
    name: 'daena_cmp_decisions_total',
    help: 'CMP proposals closed, by outcome (ACCEPTED, REJECTED, NO_CONSENSUS, EXPIRED …)',
    labelNames: ['outcome'] as const,
    registers: [],
  });
  private readonly votes = new Counter({
    name: 'daena_votes_cast_total',
    help: 'Votes cast in CMP rounds',
    registers: [],
  });
  private readonly statusChanges = new Counter({
    name: 'daena_agent_status_changes_total',
    help: 'Agent status changes, by the new status (ERROR counts as a failure)',
    labelNames: ['status'] as const,
    registers: [],
  });
  private readonly messages = new Counter({
    name: 'daena_messages_sent_total',
    help: 'Agent messages, by topic (cell, ring, radial, global): collaboration across cells',
    labelNames: ['topic'] as const,
    registers: [],
  });
  private readonly tasks = new Counter({
    name: 'daena_agent_task_updates_total',
    help: 'Agent task state changes, by the new status (done and failed tasks give the success rate)',
    labelNames: ['status'] as const,
    registers: [],
  });
  private readonly entries = new Counter({
    name: 'daena_knowledge_entries_total',
    help: 'Knowledge entries created',
    registers: [],
  });

  register(registry: Registry): void {
    registry.registerMetric(this.decisions);
    registry.registerMetric(this.votes);
    registry.registerMetric(this.statusChanges);
    registry.registerMetric(this.messages);
    registry.registerMetric(this.entries);
    registry.registerMetric(this.tasks);
  }

  /** Counts the samples of one accepted event. */
  observe(samples: readonly MetricSampleDraft[]): void {
    for (const sample of samples) {
      const label = (name: string) => String(sample.labels[name] ?? 'unknown');
      switch (sample.name) {
        case MetricName.proposalsClosed:
          this.decisions.inc({ outcome: label('status') });
          break;
        case MetricName.votesCast:
          this.votes.inc();
          break;
        case MetricName.agentStatusChanges:
          this.statusChanges.inc({ status: label('status') });
          break;
        case MetricName.messagesSent:
          this.messages.inc({ topic: label('topic') });
          break;
        case MetricName.taskUpdates:
          this.tasks.inc({ status: label('status') });
          break;
        case MetricName.entriesCreated:
          this.entries.inc();
          break;
      }
    }
  }
}
