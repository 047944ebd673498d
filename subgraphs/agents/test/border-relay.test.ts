import { randomUUID } from 'node:crypto';
import { signServiceToken } from '@daena/platform';
import { Events, type AgentMessageSent } from '@daena/contracts';
import { graphql, testJwtSecret } from '@daena/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentsOnTestDatabase, type AgentsOnTestDatabase } from './start-agents.js';

/**
 * Border relays carried exactly once (issue 16 §6): knowledge relays each outbox record under
 * its id and sends it again when it did not hear that agents carried it, so agents must answer a
 * repeat with the first message: one stored message, one inbox entry per agent, one event.
 */
let stack: AgentsOnTestDatabase<AgentMessageSent>;
let knowledgeToken: string;

beforeAll(async () => {
  stack = await agentsOnTestDatabase('border_relay', Events.agentMessageSent);
  knowledgeToken = await signServiceToken(testJwtSecret, 'knowledge');
});
afterAll(() => stack?.close());

const relayMutation = `mutation Relay($input: BorderRelayInput!) {
  relayBorderMessage(input: $input) { message { id from { id } to { id } relays { id } } }
}`;

interface Relayed {
  relayBorderMessage: { message: { id: string; relays: { id: string }[] } };
}

function relay(idempotencyKey: string, body = `Share request ${idempotencyKey}`) {
  const input = { fromDepartmentSlug: 'legal', toDepartmentSlug: 'finance', body, idempotencyKey };
  return graphql<Relayed>(stack.service.url, relayMutation, { input }, knowledgeToken);
}

async function storedUnder(key: string) {
  const { rows } = await stack.sql.query<{ id: string; deliveries: string }>(
    `select m.id, (select count(*) from agents.message_deliveries d where d.message_seq = m.seq)
       as deliveries
       from agents.messages m where m.idempotency_key = $1`,
    [key],
  );
  return rows;
}

const eventsAbout = (messageId: string) =>
  stack.events.filter((event) => event.data.messageId === messageId).length;

describe('relayBorderMessage under an idempotency key', () => {
  it('answers a repeated relay with the first message, stored and announced once', async () => {
    const key = randomUUID();
    const first = await relay(key);
    expect(first.body.errors).toBeUndefined();
    const again = await relay(key);
    expect(again.body.errors).toBeUndefined();
    const message = first.body.data?.relayBorderMessage.message;
    expect(again.body.data?.relayBorderMessage.message).toEqual(message);
    const stored = await storedUnder(key);
    expect(stored.map((row) => row.id)).toEqual([message?.id]);
    // Sender, each relaying Border Agent, addressee: once each.
    expect(Number(stored[0]?.deliveries)).toBe(2 + (message?.relays.length ?? 0));
    expect(eventsAbout(message?.id ?? '')).toBe(1);
  });

  it('stores one message when two relays under one key race', async () => {
    const key = randomUUID();
    const results = await Promise.all([relay(key), relay(key), relay(key)]);
    const ids = results.map((result) => result.body.data?.relayBorderMessage.message.id);
    expect(results.flatMap((result) => result.body.errors ?? [])).toEqual([]);
    expect(new Set(ids).size).toBe(1);
    expect(await storedUnder(key)).toHaveLength(1);
    expect(eventsAbout(ids[0] ?? '')).toBe(1);
  });

  it('refuses another message under a used key, and stores nothing for it', async () => {
    const key = randomUUID();
    await relay(key);
    const other = await relay(key, 'Something else entirely');
    expect(other.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await storedUnder(key)).toHaveLength(1);
    const bodies = await stack.sql.query('select 1 from agents.messages where body = $1', [
      'Something else entirely',
    ]);
    expect(bodies.rowCount).toBe(0);
  });

  it('refuses an empty key as BAD_USER_INPUT before writing anything', async () => {
    const before = await stack.sql.query('select count(*)::int as n from agents.messages');
    const refused = await relay('');
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'IDEMPOTENCY_KEY',
    });
    const after = await stack.sql.query('select count(*)::int as n from agents.messages');
    expect(after.rows).toEqual(before.rows);
  });
});
