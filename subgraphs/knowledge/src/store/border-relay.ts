import { BadInputError, ConflictError, NotFoundError } from '@daena/platform';
import { RelayBorderMessageDocument } from '@daena/contracts/graphql/agents';
import { z } from 'zod';
import { agentsUnavailable, type AgentsClient } from './agents-client.js';

/** A message the Border Agents carried between two departments. */
export interface RelayedMessage {
  messageId: string;
  /** The sending and receiving departments' Border Agents. */
  fromAgentId: string;
  toAgentId: string;
  /** The Border Agents between them that handed it on, in order. */
  relayAgentIds: string[];
}

/**
 * The organization's message fabric as knowledge uses it: a message from one department's Border
 * Agent to another's, over the Border Agents of the shortest hex path (the agents subgraph plans
 * and stores it). Throws NOT_FOUND for an unknown department, BAD_USER_INPUT for the same one,
 * CONFLICT when the honeycomb cannot carry it, UNAVAILABLE when agents does not answer.
 */
export interface BorderRelay {
  send(request: {
    fromDepartmentSlug: string;
    toDepartmentSlug: string;
    body: string;
    /**
     * The outbox record's id: agents stores one message per key and answers a repeat with it, so
     * a record sent again (agents carried it, knowledge did not hear so) is carried once.
     */
    idempotencyKey: string;
  }): Promise<RelayedMessage>;
}

const responseSchema = z.object({
  data: z
    .object({
      relayBorderMessage: z.object({
        message: z.object({
          id: z.string(),
          from: z.object({ id: z.string() }),
          to: z.object({ id: z.string() }).nullable(),
          relays: z.array(z.object({ id: z.string() })),
        }),
      }),
    })
    .nullish(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        extensions: z
          .object({ code: z.string().optional(), reason: z.string().optional() })
          .optional(),
      }),
    )
    .optional(),
});

/** Calls agents' `relayBorderMessage` (@inaccessible: services only). */
export class HttpBorderRelay implements BorderRelay {
  constructor(private readonly agents: AgentsClient) {}

  async send(input: Parameters<BorderRelay['send']>[0]): Promise<RelayedMessage> {
    const body = await this.agents.post({
      document: RelayBorderMessageDocument,
      variables: { input },
    });
    const parsed = responseSchema.safeParse(body);
    const [error] = parsed.success ? (parsed.data.errors ?? []) : [];
    if (error) throw refusal(error, input);
    const relayed = parsed.success ? parsed.data.data?.relayBorderMessage : undefined;
    if (!relayed) {
      this.agents.log.warn(
        { issues: parsed.success ? null : parsed.error.issues },
        'agents answered the relay with no message',
      );
      throw agentsUnavailable();
    }
    const { message } = relayed;
    return {
      messageId: message.id,
      fromAgentId: message.from.id,
      toAgentId: message.to?.id ?? '',
      relayAgentIds: message.relays.map((relay) => relay.id),
    };
  }
}

/** The agents subgraph's refusal in knowledge's words, with its code and reason kept. */
function refusal(
  error: { message: string; extensions?: { code?: string; reason?: string } | undefined },
  input: { toDepartmentSlug: string; fromDepartmentSlug: string },
): Error {
  const reason = error.extensions?.reason;
  switch (error.extensions?.code) {
    case 'NOT_FOUND':
      return new NotFoundError('Department', missingSlug(error.message, input));
    case 'BAD_USER_INPUT':
      return new BadInputError(error.message, reason ?? 'INVALID_INPUT');
    case 'CONFLICT':
      return new ConflictError(error.message, reason);
    default:
      return agentsUnavailable();
  }
}

/** Agents names the unknown slug in its message ("Department legal does not exist"). */
function missingSlug(
  message: string,
  input: { toDepartmentSlug: string; fromDepartmentSlug: string },
) {
  return message.includes(` ${input.toDepartmentSlug} `)
    ? input.toDepartmentSlug
    : input.fromDepartmentSlug;
}
