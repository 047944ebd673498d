import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '@daena/platform';
import { checkSendRequest, MessageTopic } from '../domain/message-plan.js';
import { assertSameRelay, checkRelayKey } from '../domain/relay-key.js';
import { MessageRepository } from '../store/message-repository.js';
import type { MessageRecord } from '../store/message-records.js';
import type { DepartmentRecord } from '../../organization/store/records.js';
import type { AgentsContext } from '../../request/context.js';
import { loadFabric } from './load-fabric.js';
import { deliverMessage } from './send-message.js';

/**
 * The services whose service token may send as Border Agents: knowledge, which routes share
 * requests and shared copies between departments over the honeycomb (issue 16 §6).
 */
const relayServices: readonly string[] = ['knowledge'];

/** A message from one department's Border Agent to another's, by department slug. */
export interface BorderRelayRequest {
  fromDepartmentSlug: string;
  toDepartmentSlug: string;
  body: string;
  /**
   * The relaying service's id for this message (knowledge: its outbox record's), so a call it
   * repeats, not knowing the first was carried, returns the first message instead of a second.
   */
  idempotencyKey?: string | null;
}

export interface BorderRelay {
  message: MessageRecord;
  from: DepartmentRecord;
  to: DepartmentRecord;
}

/**
 * Sends a DIRECT message from the Border Agent of `from` to the Border Agent of `to`, along the
 * shortest chain of cells whose Border Agents relay it (message-route.ts), stored and announced
 * like any other message. Only a relay service's token may; every check runs before the write:
 * an unknown or retired department is NOT_FOUND, the same department BAD_USER_INPUT
 * (SAME_DEPARTMENT), a cell without a Border Agent or without a route CONFLICT.
 */
export async function relayBorderMessage(
  ctx: AgentsContext,
  request: BorderRelayRequest,
  now = new Date(),
): Promise<BorderRelay> {
  requireRelayService(ctx.service ?? null);
  checkRelayKey(request.idempotencyKey);
  const key = request.idempotencyKey ?? null;
  const repeated = key === null ? null : await relayedBefore(ctx, key, request.body);
  if (repeated) return repeated;
  const departments = await ctx.honeycomb.departments();
  const find = (slug: string) => {
    const department = departments.find((candidate) => candidate.slug === slug);
    if (!department) throw new NotFoundError('Department', slug);
    return department;
  };
  const from = find(request.fromDepartmentSlug);
  const to = find(request.toDepartmentSlug);
  if (from.id === to.id) {
    throw new BadInputError('A relay goes between two departments', 'SAME_DEPARTMENT', {
      departmentSlug: from.slug,
    });
  }
  const fabric = await loadFabric(ctx, []);
  const borderOf = async (department: DepartmentRecord) => {
    const id = fabric.mesh.borderAgent(department.id);
    const agent = id === undefined ? null : await ctx.loaders.agent.load(id);
    if (!agent) {
      throw new ConflictError(`${department.slug} has no Border Agent`, 'NO_BORDER_AGENT', {
        departmentSlug: department.slug,
      });
    }
    return agent;
  };
  const sender = await borderOf(from);
  const addressee = await borderOf(to);
  const send = { fromAgentId: sender.id, topic: MessageTopic.DIRECT, toAgentId: addressee.id };
  checkSendRequest({ ...send, body: request.body });
  const message = await deliverMessage(
    ctx,
    fabric.mesh,
    { sender, addressee, topic: MessageTopic.DIRECT, body: request.body, idempotencyKey: key },
    now,
  );
  // Two calls under one key may race past relayedBefore: the store keeps the first only.
  if (key !== null) assertSameRelay(message.body, request.body);
  return { message, from, to };
}

/**
 * The message already relayed under `key`, with its departments as they were when it was sent
 * (the sender's, and its addressee's), whatever became of them since: a repeat is answered as
 * the first call was, so its caller records that one message.
 */
async function relayedBefore(
  ctx: AgentsContext,
  key: string,
  body: string,
): Promise<BorderRelay | null> {
  const message = await new MessageRepository(ctx.em).byIdempotencyKey(key);
  if (!message) return null;
  assertSameRelay(message.body, body);
  const addressee =
    message.toAgentId === null ? null : await ctx.loaders.agent.load(message.toAgentId);
  const [from, to] = await Promise.all([
    ctx.loaders.department.load(message.departmentId),
    addressee ? ctx.loaders.department.load(addressee.departmentId) : null,
  ]);
  if (!from || !to) throw new Error(`Relayed message ${message.id} has no departments`);
  return { message, from, to };
}

/** UNAUTHENTICATED without a service token, FORBIDDEN for a service that does not relay. */
function requireRelayService(service: string | null): void {
  if (service !== null && relayServices.includes(service)) return;
  const message = 'Only the knowledge service may send as Border Agents';
  if (service === null) throw new UnauthenticatedError(message, 'SERVICE_TOKEN_REQUIRED');
  throw new ForbiddenError(message, 'SERVICE_TOKEN_REQUIRED');
}
