import {
  approveShare,
  refuseShare,
  revokeShare,
  setSharingPolicy,
} from '../operations/decide-share.js';
import { departmentRefOf } from '../domain/share-rules.js';
import { requestShare } from '../operations/request-share.js';
import type { ShareRuntime } from '../operations/share-runtime.js';
import type { KnowledgeContext } from './context.js';
import { stringOrUndefined } from './resolver-wrapping.js';

type Args = Record<string, unknown>;

const text = (args: Args, name: string) => stringOrUndefined(args[name]) ?? '';
const optionalText = (args: Args, name: string) => stringOrUndefined(args[name]) ?? null;

/**
 * The share mutations (issue 16 §6), thin: the caller's principal and claims and the arguments
 * go to an operation (operations/), which authorizes, writes in one transaction and publishes.
 * Passed to @neo4j/graphql as custom resolvers of the SDL's Mutation fields.
 */
export function shareMutations(runtime: ShareRuntime) {
  const claims = (context: KnowledgeContext) => context.jwt ?? null;
  return {
    requestShare: (_: unknown, args: Args, context: KnowledgeContext) =>
      requestShare(runtime, context.principal, claims(context), {
        entryId: text(args, 'entryId'),
        department: departmentRefOf(
          stringOrUndefined(args['departmentId']),
          stringOrUndefined(args['departmentSlug']),
        ),
        reason: text(args, 'reason'),
      }),
    approveShare: (_: unknown, args: Args, context: KnowledgeContext) =>
      approveShare(runtime, context.principal, claims(context), text(args, 'shareId')),
    refuseShare: (_: unknown, args: Args, context: KnowledgeContext) =>
      refuseShare(
        runtime,
        context.principal,
        claims(context),
        text(args, 'shareId'),
        optionalText(args, 'reason'),
      ),
    revokeShare: (_: unknown, args: Args, context: KnowledgeContext) =>
      revokeShare(
        runtime,
        context.principal,
        claims(context),
        text(args, 'shareId'),
        optionalText(args, 'reason'),
      ),
    setSharingPolicy: (_: unknown, args: Args, context: KnowledgeContext) =>
      setSharingPolicy(runtime, context.principal, args['borderAgentApproves'] === true),
  };
}
