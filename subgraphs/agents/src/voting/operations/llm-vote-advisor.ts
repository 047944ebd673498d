import type { Logger } from '@daena/platform';
import { DaenaError } from '@daena/platform';
import { VoteChoice } from '@daena/contracts/graphql/decisions';
import { z } from 'zod';
import type { VoteAdvisor, VoteAdvice, VoteQuestion } from '../domain/vote-policy.js';
import type { RouterService } from '../../router/operations/router-service.js';

/** decisions accepts rationales up to 2,000 characters; an LLM's are cut, not refused. */
const rationaleMax = 2_000;

const answerSchema = z.object({
  choice: z.enum(VoteChoice),
  confidence: z.number().min(0).max(1),
  rationale: z.string().min(1),
});

/** `"APPROVE" | "REJECT" | "ABSTAIN"`: what decisions' castVote takes. */
const choices = Object.values(VoteChoice)
  .map((choice) => `"${choice}"`)
  .join(' | ');

/** The question as an analyst's brief: the agent's role and stake, then the proposal. */
function votePrompt(question: VoteQuestion): { system: string; user: string } {
  const { voter, proposal } = question;
  const system = [
    `You are the ${voter.capability.title} of the ${voter.departmentName} department in an AI-staffed company.`,
    `Your autonomy threshold is ${voter.capability.autonomyThreshold}; you are consulted on: ${voter.capability.cmpTriggers.join(', ') || 'general decisions'}.`,
    'Vote on the proposal from your role’s point of view. Answer with a JSON object only:',
    `{"choice": ${choices}, "confidence": number from 0 to 1, "rationale": "two or three sentences in your own words, naming the facts you weighed"}`,
  ].join('\n');
  const user = [
    `Proposal: ${proposal.title}`,
    `Kind: ${proposal.kind}`,
    `Risk ${proposal.risk.toFixed(2)}, stakeholder impact ${proposal.stakeholderImpact.toFixed(2)}, urgency ${proposal.urgency.toFixed(2)} (each 0–1).`,
    '',
    proposal.description,
  ].join('\n');
  return { system, user };
}

/** Reads a model's answer; null when it is not a valid vote. */
export function parseVoteAnswer(text: string): VoteAdvice | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) return null;
  return {
    choice: parsed.data.choice,
    confidence: Math.round(parsed.data.confidence * 100) / 100,
    rationale: [...parsed.data.rationale.trim()].slice(0, rationaleMax).join(''),
  };
}

/**
 * Votes formed by an LLM through the router (issue 4, item 8): deterministic requests
 * (temperature 0, so a redelivered vote request gets the cached answer), JSON answers checked
 * against the vote's shape. When the router has no model for it, every model fails, or the answer
 * is not a valid vote, the agent votes by `fallback` (the offline policy) and says so in the log.
 */
export function routedVoteAdvisor(
  router: RouterService,
  fallback: VoteAdvisor,
  log: Logger,
): VoteAdvisor {
  return {
    name: 'LLM through the router',
    async advise(question) {
      const prompt = votePrompt(question);
      try {
        const { result, decision } = await router.route(
          {
            text: prompt.user,
            context: prompt.system,
            taskType: 'analysis',
            temperature: 0,
            json: true,
            maxOutputTokens: 400,
          },
          question.voter.agentId,
        );
        const advice = result && parseVoteAnswer(result.text);
        if (advice) return advice;
        log.warn(
          { agentId: question.voter.agentId, decisionId: decision.id, model: result?.model },
          'the model’s answer is not a valid vote: voting by the offline policy',
        );
      } catch (error) {
        // Typed router errors (no model, all failed) fall back; anything else is an outage.
        if (!(error instanceof DaenaError)) throw error;
        log.warn(
          { agentId: question.voter.agentId, reason: error.reason },
          'the router could not answer: voting by the offline policy',
        );
      }
      return fallback.advise(question);
    },
  };
}
