import {
  BadInputError,
  BusSubscription,
  NotFoundError,
  Role,
  requireRole,
  subgraphStream,
} from '@daena/platform';
import { Events } from '@daena/contracts';
import {
  Arg,
  Ctx,
  Directive,
  Float,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import type { AgentsContext } from '../../request/context.js';
import { openRouteTaskStream } from './route-task-stream.js';
import { RouteStreamEvent, type RouteStreamEventView } from './router-stream-types.js';
import {
  LlmModel,
  ModelInput,
  RouteTaskInput,
  RouteTaskResult,
  RoutingDecision,
  RoutingStats,
  TaskTypeValue,
} from './router-types.js';
import { toDecisionView, toModelView, toStatsView } from './router-views.js';

/** Who may watch the router: what it chose, for which task, at what cost. */
const routerReaders = [Role.ADMIN, Role.EXECUTIVE, Role.DEPARTMENT_LEAD] as const;

/**
 * The LLM router's API (issue 5). Reads for admins, executives and department leads; trying the
 * router and changing its registry for admins. Thin: authorize → the router service → map.
 */
@Resolver()
export class RouterResolver {
  @Query(() => [LlmModel], { description: 'The model registry, with health and load' })
  models(@Ctx() ctx: AgentsContext): LlmModel[] {
    requireRole(ctx.principal, ...routerReaders);
    return ctx.router.models().map(toModelView);
  }

  @Query(() => [RoutingStats], {
    description:
      'Per (model, task type): quality, latency p50/p95, error rate and cost over the sliding window (7 days by default)',
  })
  async routingStats(
    @Ctx() ctx: AgentsContext,
    @Arg('model', () => String, { nullable: true }) model?: string,
    @Arg('taskType', () => TaskTypeValue, { nullable: true }) taskType?: TaskTypeValue,
  ): Promise<RoutingStats[]> {
    requireRole(ctx.principal, ...routerReaders);
    return (await ctx.router.stats({ model, taskType })).map(toStatsView);
  }

  @Query(() => RoutingDecision, {
    nullable: true,
    description:
      'A selection with its reasoning and what the call did; also the query twin of routerSelections',
  })
  async routingDecision(
    @Ctx() ctx: AgentsContext,
    @Arg('id', () => ID) id: string,
  ): Promise<RoutingDecision | null> {
    requireRole(ctx.principal, ...routerReaders);
    const decision = await ctx.router.decision(id);
    return decision && toDecisionView(decision);
  }

  @Query(() => RoutingDecision, {
    nullable: true,
    name: 'routerSelections',
    description: 'Query twin of Subscription.routerSelections: selection `decisionId`',
  })
  async routerSelectionsTwin(
    @Ctx() ctx: AgentsContext,
    @Arg('decisionId', () => ID, { nullable: true }) decisionId?: string,
    @Arg('taskType', () => TaskTypeValue, { nullable: true }) _taskType?: TaskTypeValue,
  ): Promise<RoutingDecision | null> {
    requireRole(ctx.principal, ...routerReaders);
    if (!decisionId) return null;
    const decision = await ctx.router.decision(decisionId);
    return decision && toDecisionView(decision);
  }

  @BusSubscription(() => RoutingDecision, {
    name: 'routerSelections',
    description:
      'Every selection of the router (of one task type, or all), with its reasoning, as it is made; served by the gateway bridge',
    event: Events.routerSelectionMade,
    twin: 'routerSelections',
    // The enum's name (CODE) is compared in lower case with the router's value (code).
    filter: { taskType: 'taskType' },
    twinArguments: { decisionId: 'decisionId' },
    // Readers by role (routerReaders above); RoutingDecision checks nothing else.
    visibility: 'byRoles',
  })
  routerSelectionsSubscription(
    @Root() decision: RoutingDecision,
    @Arg('taskType', () => TaskTypeValue, { nullable: true }) _taskType?: TaskTypeValue,
  ): RoutingDecision {
    return decision;
  }

  @Directive(subgraphStream)
  @Subscription(() => RouteStreamEvent, {
    name: 'routeTaskStream',
    subscribe: subscribeRouteTaskStream,
    description:
      'Routes a task like routeTask (admins) and streams it: the selection, the text as it is generated, a reset when a model fails part way and the next one starts over, and the completed decision. Served by this subgraph over SSE, forwarded by the gateway',
  })
  routeTaskStream(
    @Root() event: RouteStreamEventView,
    @Arg('input', () => RouteTaskInput) _input: RouteTaskInput,
  ): RouteStreamEventView {
    return event;
  }

  @Mutation(() => RouteTaskResult, {
    description:
      'Routes a task (admins, for trying the router): classifies it, selects a model with reasoning and fallbacks, and unless dryRun calls it',
  })
  async routeTask(
    @Ctx() ctx: AgentsContext,
    @Arg('input', () => RouteTaskInput) input: RouteTaskInput,
  ): Promise<RouteTaskResult> {
    requireRole(ctx.principal, Role.ADMIN);
    const result = await ctx.router.route(input, ctx.principal.sub ?? 'anonymous');
    return { decision: toDecisionView(result.decision), answer: result.result?.text ?? null };
  }

  @Mutation(() => RoutingDecision, {
    description:
      "Explicit quality feedback (0–1) on a routed call, once; it feeds the model's tracked quality for the task type",
  })
  async recordRoutingFeedback(
    @Ctx() ctx: AgentsContext,
    @Arg('decisionId', () => ID) decisionId: string,
    @Arg('quality', () => Float) quality: number,
  ): Promise<RoutingDecision> {
    requireRole(ctx.principal, Role.ADMIN);
    if (!Number.isFinite(quality) || quality < 0 || quality > 1) {
      throw new BadInputError('quality must be between 0 and 1', 'QUALITY_OUT_OF_RANGE', {
        quality,
      });
    }
    return toDecisionView(await ctx.router.feedback(decisionId, quality));
  }

  @Mutation(() => LlmModel, {
    description: 'Adds a model on an OpenAI-compatible endpoint (admins)',
  })
  async registerModel(
    @Ctx() ctx: AgentsContext,
    @Arg('input', () => ModelInput) input: ModelInput,
  ): Promise<LlmModel> {
    requireRole(ctx.principal, Role.ADMIN);
    return toModelView(await ctx.router.registerModel(input));
  }

  @Mutation(() => LlmModel, {
    description: "Replaces an admin model's settings; `version` must be current (admins)",
  })
  async updateModel(
    @Ctx() ctx: AgentsContext,
    @Arg('input', () => ModelInput) input: ModelInput,
    @Arg('version', () => Int) version: number,
  ): Promise<LlmModel> {
    requireRole(ctx.principal, Role.ADMIN);
    return toModelView(await ctx.router.updateModel(input, version));
  }

  @Mutation(() => LlmModel, {
    description: 'Takes a model out of selection or back in, configured or registered (admins)',
  })
  async setModelEnabled(
    @Ctx() ctx: AgentsContext,
    @Arg('name', () => String) name: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
  ): Promise<LlmModel> {
    requireRole(ctx.principal, Role.ADMIN);
    return toModelView(await ctx.router.setModelEnabled(name, enabled));
  }

  @Mutation(() => Boolean, { description: 'Removes a model an admin registered (admins)' })
  async removeModel(
    @Ctx() ctx: AgentsContext,
    @Arg('name', () => String) name: string,
  ): Promise<boolean> {
    requireRole(ctx.principal, Role.ADMIN);
    if (!(await ctx.router.removeModel(name))) throw new NotFoundError('Model', name);
    return true;
  }
}

/** Authorizes, then opens the stream; a refused request rejects here, with its typed error. */
function subscribeRouteTaskStream({
  args,
  context,
}: SubscribeResolverData<unknown, { input: RouteTaskInput }, AgentsContext>) {
  requireRole(context.principal, Role.ADMIN);
  return openRouteTaskStream(context.router, args.input, context.principal.sub ?? 'anonymous');
}
