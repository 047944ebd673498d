import type { RoutingDecisionRecord } from '../domain/router-records.js';
import type { RouteTaskCommand } from '../domain/routing-decision.js';
import type { RouterService } from '../operations/router-service.js';
import { EventQueue } from '../../subscriptions/event-queue.js';
import type { RouteStreamEventView } from './router-stream-types.js';
import type { TaskTypeValue } from './router-types.js';
import { toDecisionView } from './router-views.js';

/**
 * Routes a task and streams what happens (`routeTaskStream`). Resolves once the selection is
 * stored, so a request the router refuses (bad input, no model, a budget too low) rejects with
 * its typed error instead of opening a stream; after that every outcome, failures included,
 * arrives as the final `RouteStreamCompleted`. Closing the stream aborts the call.
 */
export async function openRouteTaskStream(
  router: RouterService,
  command: RouteTaskCommand,
  requestedBy: string,
): Promise<AsyncIterableIterator<RouteStreamEventView>> {
  const controller = new AbortController();
  const queue = new EventQueue<RouteStreamEventView>(() => controller.abort());
  const finish = (decision: RoutingDecisionRecord, answer: string | null): void => {
    queue.push({ kind: 'completed', decision: toDecisionView(decision), answer });
    queue.end();
  };
  let onSelected = (): void => {};
  const selected = new Promise<void>((resolve) => (onSelected = resolve));
  const run = router.route(command, requestedBy, {
    signal: controller.signal,
    observer: {
      selected: (decision) => {
        queue.push({
          kind: 'selected',
          decisionId: decision.id,
          model: decision.selectedModel,
          fallbacks: [...decision.fallbacks],
          reasoning: decision.reasoning,
          taskType: decision.taskType as TaskTypeValue,
        });
        onSelected();
      },
      delta: (text) => queue.push({ kind: 'delta', text }),
      reset: (attempt) =>
        queue.push({
          kind: 'reset',
          model: attempt.model,
          errorKind: attempt.errorKind ?? 'bad_response',
        }),
      failed: (decision) => finish(decision, null),
    },
  });
  run.then(
    (routed) => finish(routed.decision, routed.result?.text ?? null),
    // After the selection, `failed` has already ended the stream; before it, the race rejects.
    () => {},
  );
  await Promise.race([selected, run]);
  return queue;
}
