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

  it('count recorded outcomes by whether the decision was right, and exchanges across cells by department', async () => {
    const counters = new DomainCounters();
    const registry = new Registry();
    counters.register(registry);
    const sales = randomUUID();
    const proposalId = randomUUID();
    const outcome = (status: string, recorded: string, correct: boolean | null) =>
      Events.outcomeRecorded.create({
        proposalId,
        departmentId: sales,
        kind: 'BRAND',
        status,
        outcome: recorded,
        correct,
      });
    for (const event of [
      outcome('ACCEPTED', 'APPROVE', true),
      outcome('ACCEPTED', 'APPROVE', true),
      outcome('ACCEPTED', 'REJECT', false),
      outcome('EXPIRED', 'REJECT', null),
    ]) {
      counters.observe(samplesFromEvent(event));
    }
    for (const topic of ['RING', 'CELL', 'GLOBAL']) {
      counters.observe(
        samplesFromEvent(
          Events.agentMessageSent.create({
            messageId: randomUUID(),
            topic,
            fromAgentId: 'seller',
            fromDepartmentId: sales,
            crossesCells: topic !== 'CELL',
            recipientAgentIds: ['someone'],
            viaAgentIds: [],
          }),
        ),
      );
    }
    counters.observe(
      samplesFromEvent(
        Events.knowledgeShared.create({
          shareId: randomUUID(),
          entryId: randomUUID(),
          copyId: randomUUID(),
          fromDepartmentSlug: 'legal',
          toDepartmentSlug: 'sales',
          // Knowledge could not name Legal's id when it shared.
          fromDepartmentId: null,
          toDepartmentId: sales,
          messageId: randomUUID(),
          relayAgentIds: [],
        }),
      ),
    );
    const text = await registry.metrics();
    expect(text).toContain(
      'daena_cmp_outcomes_total{kind="BRAND",decision="ACCEPTED",correct="true"} 2',
    );
    expect(text).toContain(
      'daena_cmp_outcomes_total{kind="BRAND",decision="ACCEPTED",correct="false"} 1',
    );
    expect(text).toContain(
      'daena_cmp_outcomes_total{kind="BRAND",decision="EXPIRED",correct="undecided"} 1',
    );
    // RING and GLOBAL leave the cell, CELL does not.
    expect(text).toContain(`daena_collaboration_total{department="${sales}",kind="message"} 2`);
    // Knowledge could not name the sharing department: counted, under unknown.
    expect(text).toContain('daena_collaboration_total{department="unknown",kind="share"} 1');
  });
});
