import { createUnionType, Field, ID, ObjectType } from 'type-graphql';
import { RoutingDecision, TaskTypeValue } from './router-types.js';

/**
 * The events of `routeTaskStream`, in order: one `RouteStreamSelected`; `RouteStreamDelta`s;
 * a `RouteStreamReset` whenever a model fails after streaming part of its answer (the router
 * retries or falls back and streams again from the start, so the client discards what it has);
 * last, one `RouteStreamCompleted`. The text of the answer is the concatenation of the deltas
 * after the last reset.
 */
@ObjectType({
  description: 'routeTaskStream: the selection, stored and published, before any text',
})
export class RouteStreamSelected {
  readonly kind = 'selected' as const;

  @Field(() => ID)
  decisionId!: string;

  @Field(() => String, { description: 'The model called first' })
  model!: string;

  @Field(() => [String], { description: 'Models tried next, in order' })
  fallbacks!: string[];

  @Field(() => String)
  reasoning!: string;

  @Field(() => TaskTypeValue)
  taskType!: TaskTypeValue;
}

@ObjectType({ description: 'routeTaskStream: the next piece of the answer' })
export class RouteStreamDelta {
  readonly kind = 'delta' as const;

  @Field(() => String)
  text!: string;
}

@ObjectType({
  description:
    'routeTaskStream: the model streaming the answer failed part way; discard every delta so far, the answer restarts (retry or fallback)',
})
export class RouteStreamReset {
  readonly kind = 'reset' as const;

  @Field(() => String, { description: 'The model whose partial answer is void' })
  model!: string;

  @Field(() => String, { description: 'Why it failed (a RoutingAttempt errorKind)' })
  errorKind!: string;
}

@ObjectType({ description: 'routeTaskStream: the last event, with the decision as stored' })
export class RouteStreamCompleted {
  readonly kind = 'completed' as const;

  @Field(() => RoutingDecision, {
    description: 'SUCCEEDED with servedBy, tokens and cost; or FAILED with errorReason',
  })
  decision!: RoutingDecision;

  @Field(() => String, {
    nullable: true,
    description: 'The whole answer (the deltas after the last reset); null when FAILED',
  })
  answer!: string | null;
}

export type RouteStreamEventView =
  RouteStreamSelected | RouteStreamDelta | RouteStreamReset | RouteStreamCompleted;

const byKind = {
  selected: RouteStreamSelected,
  delta: RouteStreamDelta,
  reset: RouteStreamReset,
  completed: RouteStreamCompleted,
} as const;

export const RouteStreamEvent = createUnionType({
  name: 'RouteStreamEvent',
  description: 'One event of routeTaskStream',
  types: () => [RouteStreamSelected, RouteStreamDelta, RouteStreamReset, RouteStreamCompleted],
  resolveType: (value: RouteStreamEventView) => byKind[value.kind],
});
