import { randomUUID } from 'node:crypto';
import { Events } from '@daena/contracts';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { samplesFromEvent } from '../domain/samples-from-event.js';
import { DomainCounters } from './domain-counters.js';

describe('domain counters on /metrics', () => {
  it('count CMP outcomes, votes, agent failures and task outcomes from the events the service records', async () => {
    const counters = new DomainCounters();
    const registry = new Registry();
    counters.register(registry);
    const proposalId = randomUUID();
    const departmentId = randomUUID();
    for (const status of ['ACCEPTED', 'NO_CONSENSUS', 'ACCEPTED']) {
      counters.observe(
        samplesFromEvent(Events.proposalClosed.create({ proposalId, departmentId, status })),
      );
    }
    counters.observe(
      samplesFromEvent(
        Events.agentStatusChanged.create({
          agentId: randomUUID(),
          departmentId,
          status: 'ERROR',
          previousStatus: 'WORKING',
        } as never),
      ),
    );
    for (const status of ['RUNNING', 'DONE', 'RUNNING', 'FAILED']) {
      counters.observe(
        samplesFromEvent(
          Events.taskUpdated.create({
            taskId: randomUUID(),
            departmentId,
            assigneeId: randomUUID(),
            status,
          }),
        ),
      );
    }
    const text = await registry.metrics();
    expect(text).toContain('daena_cmp_decisions_total{outcome="ACCEPTED"} 2');
    expect(text).toContain('daena_cmp_decisions_total{outcome="NO_CONSENSUS"} 1');
    expect(text).toContain('daena_agent_status_changes_total{status="ERROR"} 1');
    expect(text).toContain('daena_votes_cast_total 0');
    // Task outcomes, which the AgentFailureRateHigh rule and the agent success KPI read.
    expect(text).toContain('daena_agent_task_updates_total{status="DONE"} 1');
    expect(text).toContain('daena_agent_task_updates_total{status="FAILED"} 1');
    expect(text).toContain('daena_agent_task_updates_total{status="RUNNING"} 2');
  });
});
