/**
 * Budgets of the agents' model calls (issue 15 §5): per run (tokens; the task's own budget in
 * dollars), per agent and per department per UTC day (tokens and dollars). A call is made only
 * when its worst case fits in every one of them beside what was used and what calls in flight
 * hold, so no budget is ever exceeded: the worst case is a bound, not an estimate.
 */

export interface BudgetLimits {
  runTokens: number;
  agentDailyTokens: number;
  agentDailyUsd: number;
  departmentDailyTokens: number;
  departmentDailyUsd: number;
}

/** What one model call can use at most. */
export interface CallBound {
  tokens: number;
  costUsd: number;
}

/** A model's list prices, US dollars per million tokens. */
export interface ModelPrice {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
}

/**
 * Chat framing on top of the prompt's own tokens: the router's "Context:" prefix and a few
 * tokens per message (OpenAI counts 3 per message and 3 to prime the reply), with room to spare.
 */
const framingTokens = 32;

/**
 * The most a call with this prompt and output cap can use: a byte-level BPE token covers at least
 * one byte, so the prompt's UTF-8 length bounds its tokens; providers stop at `max_tokens`. Priced
 * at the dearest model the router may pick, since the choice is the router's.
 */
export function modelCallBound(
  prompt: { text: string; context: string },
  maxOutputTokens: number,
  models: readonly ModelPrice[],
): CallBound {
  const input =
    Buffer.byteLength(prompt.text, 'utf8') +
    Buffer.byteLength(prompt.context, 'utf8') +
    framingTokens;
  const costUsd = Math.max(
    0,
    ...models.map(
      (model) => (input * model.inputUsdPerMTok + maxOutputTokens * model.outputUsdPerMTok) / 1e6,
    ),
  );
  return { tokens: input + maxOutputTokens, costUsd };
}

export const BudgetRefusal = {
  RUN_TOKENS: 'BUDGET_RUN_TOKENS',
  TASK_USD: 'BUDGET_TASK_USD',
  AGENT_DAILY_TOKENS: 'BUDGET_AGENT_DAILY_TOKENS',
  AGENT_DAILY_USD: 'BUDGET_AGENT_DAILY_USD',
  DEPARTMENT_DAILY_TOKENS: 'BUDGET_DEPARTMENT_DAILY_TOKENS',
  DEPARTMENT_DAILY_USD: 'BUDGET_DEPARTMENT_DAILY_USD',
} as const;
export type BudgetRefusal = (typeof BudgetRefusal)[keyof typeof BudgetRefusal];

/** Use so far of one budget: spent, and held by calls in flight. */
export interface BudgetUse {
  used: number;
  reserved: number;
}

/** Every budget's use, as the store read it under lock. */
export interface BudgetState {
  runTokens: number;
  taskSpentUsd: number;
  taskBudgetUsd: number;
  agentTokens: BudgetUse;
  agentUsd: BudgetUse;
  departmentTokens: BudgetUse;
  departmentUsd: BudgetUse;
}

/** Why a call may not be made: the first budget it would exceed, with the figures. */
export interface BudgetStop {
  code: BudgetRefusal;
  limit: number;
  used: number;
  reserved: number;
  needed: number;
}

/** Floating-point sums of dollars: a hair of slack so $0.30 fits in $0.1 + $0.2. */
const usdEpsilon = 1e-9;

/** The first budget the call would exceed, or null when it fits in all of them. */
export function budgetStop(
  limits: BudgetLimits,
  state: BudgetState,
  call: CallBound,
): BudgetStop | null {
  const checks: [BudgetRefusal, number, BudgetUse, number, number][] = [
    [
      BudgetRefusal.RUN_TOKENS,
      limits.runTokens,
      { used: state.runTokens, reserved: 0 },
      call.tokens,
      0,
    ],
    [
      BudgetRefusal.TASK_USD,
      state.taskBudgetUsd,
      { used: state.taskSpentUsd, reserved: 0 },
      call.costUsd,
      usdEpsilon,
    ],
    [BudgetRefusal.AGENT_DAILY_TOKENS, limits.agentDailyTokens, state.agentTokens, call.tokens, 0],
    [BudgetRefusal.AGENT_DAILY_USD, limits.agentDailyUsd, state.agentUsd, call.costUsd, usdEpsilon],
    [
      BudgetRefusal.DEPARTMENT_DAILY_TOKENS,
      limits.departmentDailyTokens,
      state.departmentTokens,
      call.tokens,
      0,
    ],
    [
      BudgetRefusal.DEPARTMENT_DAILY_USD,
      limits.departmentDailyUsd,
      state.departmentUsd,
      call.costUsd,
      usdEpsilon,
    ],
  ];
  for (const [code, limit, use, needed, slack] of checks) {
    if (use.used + use.reserved + needed > limit + slack) {
      return { code, limit, used: use.used, reserved: use.reserved, needed };
    }
  }
  return null;
}

/** The UTC day a call counts against, as `YYYY-MM-DD`. */
export function budgetDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The budgets that start again each UTC day. */
const dailyRefusals: ReadonlySet<BudgetRefusal> = new Set([
  BudgetRefusal.AGENT_DAILY_TOKENS,
  BudgetRefusal.AGENT_DAILY_USD,
  BudgetRefusal.DEPARTMENT_DAILY_TOKENS,
  BudgetRefusal.DEPARTMENT_DAILY_USD,
]);

/**
 * Whether the refused call is worth waiting for: a daily budget is spent now but the call fits in
 * a whole day of it, so it can be made the next UTC day. The run's and the task's budgets never
 * free up, and a call bigger than a whole day's budget never fits: those stop the run.
 */
export function waitsForNextDay(stop: BudgetStop): boolean {
  return dailyRefusals.has(stop.code) && stop.needed <= stop.limit + usdEpsilon;
}

/** The next UTC midnight after `now`: when the daily budgets start again. */
export function nextBudgetDay(now: Date): Date {
  const next = new Date(now.getTime());
  next.setUTCHours(24, 0, 0, 0);
  return next;
}
