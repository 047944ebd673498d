import { NotFoundError } from '@daena/platform';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { LedgerKind, verifyLedger, type LedgerVerification } from '../domain/ledger.js';
import type { DecisionsContext } from '../request/context.js';
import { Proposal } from './proposal-types.js';

@ObjectType({
  description:
    'One entry of a proposal’s tamper-evident ledger: hash = SHA-256(previousHash, position, kind, at, payload)',
})
export class LedgerEntry {
  @Field(() => Int, { description: '1, 2, … within the proposal’s chain' })
  position!: number;

  @Field(() => String, {
    description: `${Object.values(LedgerKind).join(', ')}`,
  })
  kind!: string;

  @Field(() => String, { description: 'When it was written (ISO-8601, hashed as this text)' })
  at!: string;

  @Field(() => String, {
    description:
      'Canonical JSON (sorted keys) of the entry, exactly as hashed; a vote’s entry holds a digest of its ballot',
  })
  payload!: string;

  @Field(() => String, { description: 'The hash of the entry before (64 zeros for the first)' })
  previousHash!: string;

  @Field(() => String)
  hash!: string;
}

@ObjectType({
  description:
    'The ledger checked now: the chain recomputed, and the stored votes and round results compared with their entries',
})
export class LedgerCheck {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => Boolean)
  valid!: boolean;

  @Field(() => Int)
  entries!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The chain head: record it elsewhere to detect a chain cut back later',
  })
  head!: string | null;

  @Field(() => Int, { nullable: true, description: 'The first entry that fails the check' })
  brokenAt!: number | null;

  @Field(() => String, { nullable: true, description: 'What failed, in words' })
  problem!: string | null;
}

@Resolver(() => Proposal)
export class LedgerResolver {
  @FieldResolver(() => [LedgerEntry], {
    description: 'The proposal’s decision ledger, oldest entry first',
  })
  ledger(@Root() proposal: Proposal, @Ctx() ctx: DecisionsContext): Promise<LedgerEntry[]> {
    return ctx.loaders.ledgerByProposal.load(proposal.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The hash of the ledger’s last entry',
  })
  async ledgerHead(
    @Root() proposal: Proposal,
    @Ctx() ctx: DecisionsContext,
  ): Promise<string | null> {
    return (await ctx.loaders.ledgerByProposal.load(proposal.id)).at(-1)?.hash ?? null;
  }

  @Query(() => LedgerCheck, {
    description:
      'Verifies a proposal’s ledger: the hash chain, and its votes and round results against their entries',
  })
  async verifyLedger(
    @Ctx() ctx: DecisionsContext,
    @Arg('proposalId', () => ID) proposalId: string,
    @Arg('knownHead', () => String, {
      nullable: true,
      description:
        'A head recorded earlier (from ledgerHead or a transition event): the chain must still hold it',
    })
    knownHead?: string | null,
  ): Promise<LedgerCheck> {
    const proposal = await ctx.loaders.proposal.load(proposalId);
    if (!proposal) throw new NotFoundError('Proposal', proposalId);
    const [entries, votes, rounds] = await Promise.all([
      ctx.loaders.ledgerByProposal.load(proposal.id),
      ctx.proposals.votesOf(proposal.id),
      ctx.loaders.roundsByProposal.load(proposal.id),
    ]);
    const check: LedgerVerification = verifyLedger(entries, { votes, rounds, knownHead });
    return { proposalId: proposal.id, ...check };
  }
}
