import { env, loadConfig, postgresEnv, serviceEnvSchema } from '@daena/platform';
import { z } from 'zod';
import { parseStoppingRules } from './domain/cmp/stopping-rule.js';

const weight = z.coerce.number({ message: 'expected a number' }).min(0).max(1).optional();

export const schema = serviceEnvSchema(4002)
  .extend(postgresEnv)
  .extend({
    /** The agents subgraph, asked for the organization when a proposal is created or opened. */
    AGENTS_URL: env
      .url(['http', 'https'])
      .default('http://127.0.0.1:4001/graphql')
      .describe('Where the agents subgraph answers; `npm start` sets it.'),
    /** How long one call to the agents subgraph may take before it counts as unavailable. */
    AGENTS_TIMEOUT_MS: z.coerce
      .number({ message: 'expected an integer number of milliseconds' })
      .int('expected an integer number of milliseconds')
      .min(1, 'expected at least 1 ms')
      .default(5_000)
      .describe('How long one call to the agents subgraph may take before it counts as down.'),
    /** How long a voting round waits for votes unless the proposal says otherwise. */
    ROUND_SECONDS: z.coerce
      .number({ message: 'expected an integer number of seconds' })
      .int('expected an integer number of seconds')
      .min(1, 'expected at least 1 s')
      .max(604_800, 'expected at most a week')
      .default(3_600)
      .describe('How long a voting round waits for votes unless the proposal says otherwise.'),
    /**
     * How long the durable close of a completed round (`Jobs.roundComplete`) waits before it
     * runs. The completing vote's process closes the round at once; the job only matters if that
     * process died, and waiting keeps it from competing with that close for the proposal's lock.
     */
    ROUND_CLOSE_BACKSTOP_SECONDS: z.coerce
      .number({ message: 'expected an integer number of seconds' })
      .int('expected an integer number of seconds')
      .min(0, 'expected at least 0 s')
      .max(3_600, 'expected at most an hour')
      .default(10)
      .describe(
        "Seconds before the queued job closes a complete round, in case the last vote's own close failed.",
      ),
    /**
     * The accuracy an executive's vote is taken to have before any of their votes has a recorded
     * outcome (issue 4, "Executives can vote"): a prior over 10 pseudo-outcomes that their track
     * record then updates (0.8 with no record: about 1.6 agents).
     */
    EXECUTIVE_VOTE_ACCURACY: z.coerce
      .number({ message: 'expected a probability' })
      .gt(0.5, 'expected more than 0.5 (a vote no better than chance carries no evidence)')
      .lt(1, 'expected less than 1')
      .default(0.8)
      .describe(
        "The accuracy an executive's vote is given before their track record (0.8: about 1.6 agents).",
      ),
    /**
     * The adaptive threshold's parameters (src/domain/cmp/threshold.ts documents the formula);
     * unset ones keep their defaults there.
     */
    THRESHOLD_BASE: weight.describe(
      "The adaptive threshold's starting value. Unset: 0.55 (`domain/cmp/threshold.ts`).",
    ),
    THRESHOLD_RISK_WEIGHT: weight.describe(
      "How much a proposal's risk raises its threshold. Unset: 0.2.",
    ),
    THRESHOLD_IMPACT_WEIGHT: weight.describe(
      "How much a proposal's stakeholder impact raises its threshold. Unset: 0.1.",
    ),
    THRESHOLD_URGENCY_WEIGHT: weight.describe(
      "How much a proposal's urgency lowers its threshold. Unset: 0.08.",
    ),
    THRESHOLD_REGRET_WEIGHT: weight.describe(
      "How much the regret rate of the proposal's kind raises its threshold. Unset: 0.5.",
    ),
    /**
     * CMP's stopping rule per proposal kind (issue 19; src/domain/cmp/stopping-rule.ts documents
     * it): a round decides when its decision is wrong with probability at most the kind's max
     * error; when rounds run out, DECIDE (the Bayes decision at the threshold) or NO_CONSENSUS.
     */
    CMP_STOPPING_RULES: z
      .string()
      .optional()
      .superRefine((text, ctx) => {
        if (text === undefined) return;
        try {
          parseStoppingRules(text);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
        }
      })
      .describe(
        'Stopping rule per proposal kind as KIND:maxError[:DECIDE|NO_CONSENSUS], comma-separated, * for all, e.g. `*:0.05,QUALITY:0.2:DECIDE`. Unset: 2% for STRATEGIC, DATA_PRIVACY and RESOURCE_ALLOCATION, 5% for the rest, NO_CONSENSUS when rounds run out (`domain/cmp/stopping-rule.ts`).',
      ),
  });
export type DecisionsConfig = z.infer<typeof schema>;

/** The decisions service's validated configuration (ARCHITECTURE §4). */
export function loadDecisionsConfig(
  env: Record<string, string | undefined> = process.env,
): DecisionsConfig {
  return loadConfig(schema, env);
}
