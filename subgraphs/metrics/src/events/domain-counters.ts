import { boundedLabel } from '@daena/platform';
import { Counter, type Registry } from 'prom-client';
import { collaborationOf } from '../domain/collaboration.js';
import { MetricName, type MetricSampleDraft } from '../domain/samples-from-event.js';

/** Departments given a series of their own; the seed has 8, a deployment may add some. */
const maxDepartmentLabels = 100;

/**
 * The seed's domain metrics on the metrics service's /metrics, counted from the same domain
 * events it stores (issue 17): CMP decisions and their recorded outcomes, votes, agent status
 * changes, messages, collaboration across cells and knowledge entries. Prometheus and the
 * embedded evaluator read them under these names; the rules (observability/prometheus/rules)
 * alert on them and record the KPIs and scores from them.
 */
export class DomainCounters {
  private readonly decisions = new Counter({
    name: 'daena_cmp_decisions_total',
    help: 'CMP proposals closed, by outcome (ACCEPTED, REJECTED, NO_CONSENSUS, EXPIRED …)',
    labelNames: ['outcome'] as const,
    registers: [],
  });
  private readonly outcomes = new Counter({
    name: 'daena_cmp_outcomes_total',
    help:
      'Recorded outcomes of closed CMP proposals, by kind, the decision it closed with and whether ' +
      'that decision was right (true, false, undecided when it closed without one)',
    labelNames: ['kind', 'decision', 'correct'] as const,
    registers: [],
  });
  private readonly collaboration = new Counter({
    name: 'daena_collaboration_total',
    help:
      "Exchanges across cells by department id: messages whose audience is outside the sender's " +
      'cell (kind message) and approved knowledge shares of its entries (kind share)',
    labelNames: ['department', 'kind'] as const,
    registers: [],
  });
  private readonly department = boundedLabel(maxDepartmentLabels);
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
    registry.registerMetric(this.outcomes);
    registry.registerMetric(this.collaboration);
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
      const exchange = collaborationOf(sample);
      if (exchange) {
        this.collaboration.inc({
          department: this.department(exchange.department),
          kind: exchange.kind,
        });
      }
      switch (sample.name) {
        case MetricName.outcomesRecorded:
          this.outcomes.inc({
            kind: label('kind'),
            decision: label('status'),
            correct: label('correct'),
          });
          break;
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
