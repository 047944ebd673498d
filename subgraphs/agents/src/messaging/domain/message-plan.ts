import { BadInputError, ConflictError } from '@daena/platform/domain';
import type { Mesh } from './message-mesh.js';
import { directHops, HopKind, radialHops, routesFrom, type Hop } from './message-route.js';

/** Who hears a message (ARCHITECTURE §1 message topics, plus DIRECT for one addressee). */
export const MessageTopic = {
  /** One addressee anywhere, through the Border Agents of a shortest chain of cells. */
  DIRECT: 'DIRECT',
  /** Every other agent of the sender's department. */
  CELL: 'CELL',
  /** Every agent of the departments whose cells share an edge with the sender's. */
  RING: 'RING',
  /** The hub (the Daena VP), out along the shortest spoke. */
  RADIAL: 'RADIAL',
  /** Every other agent of the organization. */
  GLOBAL: 'GLOBAL',
} as const;
export type MessageTopic = (typeof MessageTopic)[keyof typeof MessageTopic];

/**
 * Characters (Unicode code points, as Postgres `char_length` counts them) a body may hold: room
 * for a detailed note, while a GLOBAL message stays cheap to store once per organization. The
 * messages table checks the same bound.
 */
export const maxMessageBodyLength = 4000;

export interface SendRequest {
  fromAgentId: string;
  topic: string;
  toAgentId: string | null;
  body: string;
}

/** Checks what needs no lookup; a request that passes still names agents that may not exist. */
export function checkSendRequest(request: SendRequest): asserts request is SendRequest & {
  topic: MessageTopic;
} {
  if (!isMessageTopic(request.topic)) {
    throw new BadInputError(`Unknown topic "${request.topic}"`, 'UNKNOWN_TOPIC', {
      topics: Object.values(MessageTopic),
    });
  }
  checkBody(request.body);
  if (request.topic === MessageTopic.DIRECT && request.toAgentId === null) {
    throw new BadInputError('A DIRECT message needs toAgentId', 'ADDRESSEE_REQUIRED');
  }
  if (request.topic !== MessageTopic.DIRECT && request.toAgentId !== null) {
    throw new BadInputError(
      `A ${request.topic} message goes to its topic's audience: leave toAgentId out`,
      'ADDRESSEE_NOT_ALLOWED',
    );
  }
  if (request.toAgentId === request.fromAgentId) {
    throw new BadInputError('An agent cannot send a message to itself', 'CANNOT_MESSAGE_SELF');
  }
}

function isMessageTopic(topic: string): topic is MessageTopic {
  return Object.hasOwn(MessageTopic, topic);
}

function checkBody(body: string): void {
  if (body.trim().length === 0) throw new BadInputError('A message needs a body', 'EMPTY_MESSAGE');
  // A UTF-16 string never has more code points than code units: count only when it may matter.
  const length = body.length <= maxMessageBodyLength ? body.length : [...body].length;
  if (length > maxMessageBodyLength) {
    throw new BadInputError(
      `A message body holds at most ${maxMessageBodyLength} characters; this one has ${length}`,
      'MESSAGE_TOO_LARGE',
      { maxLength: maxMessageBodyLength, length },
    );
  }
}

interface Endpoint {
  id: string;
  departmentId: string;
  retiredAt: Date | null;
}

/** How a message concerns an agent; each is a separate, index-backed inbox listing. */
export const DeliveryKind = {
  SENT: 'SENT',
  RELAYED: 'RELAYED',
  RECEIVED: 'RECEIVED',
} as const;
export type DeliveryKind = (typeof DeliveryKind)[keyof typeof DeliveryKind];

/** Where one message goes. Every list is in the order the message travels. */
export interface DeliveryPlan {
  /** Agents whose inbox receives the message (none for RADIAL: the hub receives it). */
  recipients: string[];
  /** Border Agents that hand the message on, the sender left out. */
  relays: string[];
  /** The hops of a DIRECT or RADIAL message; a broadcast fans out into a tree its relays tell. */
  path: Hop[] | null;
}

/**
 * Whether a message leaves its sender's cell: a CELL message stays in the department, a DIRECT
 * one leaves it for an addressee elsewhere, and RING, RADIAL and GLOBAL ones are addressed beyond
 * it (neighbours, the hub, everyone). The collaboration score counts these (issue 17).
 */
export function leavesCell(
  topic: MessageTopic,
  sender: Pick<Endpoint, 'departmentId'>,
  addressee: Pick<Endpoint, 'departmentId'> | null,
): boolean {
  if (topic === MessageTopic.CELL) return false;
  if (topic === MessageTopic.DIRECT) return addressee?.departmentId !== sender.departmentId;
  return true;
}

/**
 * The audience and route of a message, or a CONFLICT when the organization cannot carry it: a
 * retired agent (AGENT_RETIRED) or department (DEPARTMENT_RETIRED), no relay chain to the whole
 * audience (NO_ROUTE: a broadcast is refused rather than delivered to part of its audience), or
 * nobody to hear it (NO_RECIPIENTS).
 */
export function planDelivery(
  mesh: Mesh,
  topic: MessageTopic,
  sender: Endpoint,
  addressee: Endpoint | null,
): DeliveryPlan {
  for (const endpoint of [sender, addressee]) {
    if (endpoint?.retiredAt) {
      throw new ConflictError(`Agent ${endpoint.id} is retired`, 'AGENT_RETIRED', {
        agentId: endpoint.id,
      });
    }
    if (endpoint && !mesh.department(endpoint.departmentId)) {
      throw new ConflictError(
        `Department ${endpoint.departmentId} is retired`,
        'DEPARTMENT_RETIRED',
        { departmentId: endpoint.departmentId },
      );
    }
  }
  const plan = planners[topic](mesh, sender, addressee);
  if (topic !== MessageTopic.RADIAL && plan.recipients.length === 0) {
    throw new ConflictError(`A ${topic} message from here has nobody to hear it`, 'NO_RECIPIENTS');
  }
  return plan;
}

/** The hops a DIRECT message from `sender` to `addressee` would take (`Query.communicationPath`). */
export function directPath(mesh: Mesh, sender: Endpoint, addressee: Endpoint): Hop[] {
  if (sender.id === addressee.id) {
    throw new BadInputError('An agent cannot send a message to itself', 'CANNOT_MESSAGE_SELF');
  }
  return planDelivery(mesh, MessageTopic.DIRECT, sender, addressee).path ?? [];
}

/**
 * One inbox entry per agent and kind. A Border Agent that relays a GLOBAL or RING message to its
 * own cell also receives it, so it gets both entries.
 */
export function inboxEntries(
  senderId: string,
  plan: DeliveryPlan,
): { agentId: string; kind: DeliveryKind }[] {
  return [
    { agentId: senderId, kind: DeliveryKind.SENT },
    ...plan.relays.map((agentId) => ({ agentId, kind: DeliveryKind.RELAYED })),
    ...plan.recipients.map((agentId) => ({ agentId, kind: DeliveryKind.RECEIVED })),
  ];
}

type Planner = (mesh: Mesh, sender: Endpoint, addressee: Endpoint | null) => DeliveryPlan;

const planners: Record<MessageTopic, Planner> = {
  DIRECT: (mesh, sender, addressee) => {
    if (!addressee)
      throw new BadInputError('A DIRECT message needs toAgentId', 'ADDRESSEE_REQUIRED');
    const path = directHops(mesh, sender, addressee) ?? noRoute([addressee.departmentId]);
    return { recipients: [addressee.id], relays: relaysOf(path), path };
  },
  CELL: (mesh, sender) => ({
    recipients: othersIn(mesh, [sender.departmentId], sender.id),
    relays: [],
    path: null,
  }),
  RING: (mesh, sender) => {
    const ring = mesh.neighbors(sender.departmentId);
    return broadcast(mesh, sender, ring, [sender.departmentId, ...ring]);
  },
  RADIAL: (mesh, sender) => {
    const path = radialHops(mesh, sender) ?? noRoute([]);
    return { recipients: [], relays: relaysOf(path), path };
  },
  GLOBAL: (mesh, sender) => {
    const everyone = mesh.departments.map((department) => department.id);
    return broadcast(mesh, sender, everyone, everyone);
  },
};

/** To every agent of `audience` (but the sender); relayed by the Border Agent of each cell. */
function broadcast(
  mesh: Mesh,
  sender: Endpoint,
  audience: readonly string[],
  cells: readonly string[],
): DeliveryPlan {
  const reached = routesFrom(mesh, sender.departmentId);
  const cutOff = audience.filter((id) => !reached.has(id));
  if (cutOff.length > 0) noRoute(cutOff);
  // Breadth-first order: each Border Agent listed after the one that handed the message on.
  const crossing = audience.some((id) => id !== sender.departmentId);
  const relays = crossing
    ? [...reached.keys()]
        .filter((id) => cells.includes(id))
        .map((id) => mesh.borderAgent(id))
        .filter((id): id is string => id !== undefined && id !== sender.id)
    : [];
  return { recipients: othersIn(mesh, audience, sender.id), relays, path: null };
}

function othersIn(mesh: Mesh, departmentIds: readonly string[], senderId: string): string[] {
  return departmentIds.flatMap((id) => mesh.members(id)).filter((id) => id !== senderId);
}

function relaysOf(path: readonly Hop[]): string[] {
  return path
    .filter((hop) => hop.kind === HopKind.BORDER)
    .map((hop) => hop.agentId)
    .filter((id): id is string => id !== null);
}

function noRoute(departmentIds: readonly string[]): never {
  throw new ConflictError(
    'No chain of Border Agents reaches the whole audience of this message',
    'NO_ROUTE',
    { departmentIds },
  );
}
