import { describe, expect, it } from 'vitest';
import {
  budgetDay,
  budgetStop,
  modelCallBound,
  nextBudgetDay,
  waitsForNextDay,
  type BudgetLimits,
  type BudgetRefusal,
  type BudgetState,
} from './budget.js';

const limits: BudgetLimits = {
  runTokens: 10_000,
  agentDailyTokens: 5_000,
  agentDailyUsd: 1,
  departmentDailyTokens: 8_000,
  departmentDailyUsd: 2,
};
const idle: BudgetState = {
  runTokens: 0,
  taskSpentUsd: 0,
  taskBudgetUsd: 0.5,
  agentTokens: { used: 0, reserved: 0 },
  agentUsd: { used: 0, reserved: 0 },
  departmentTokens: { used: 0, reserved: 0 },
  departmentUsd: { used: 0, reserved: 0 },
};

describe('modelCallBound', () => {
  it('bounds the prompt by its UTF-8 bytes and prices it at the dearest model', () => {
    const bound = modelCallBound({ text: 'héllo', context: 'ab' }, 100, [
      { inputUsdPerMTok: 1, outputUsdPerMTok: 2 },
      { inputUsdPerMTok: 10, outputUsdPerMTok: 30 },
      { inputUsdPerMTok: 0, outputUsdPerMTok: 0 },
    ]);
    // 6 bytes + 2 bytes + 32 framing, plus the 100 output tokens allowed.
    expect(bound.tokens).toBe(140);
    expect(bound.costUsd).toBeCloseTo((40 * 10 + 100 * 30) / 1e6, 12);
  });

  it('costs nothing when only free models exist', () => {
    expect(
      modelCallBound({ text: 'x', context: '' }, 10, [{ inputUsdPerMTok: 0, outputUsdPerMTok: 0 }])
        .costUsd,
    ).toBe(0);
  });
});

describe('budgetStop', () => {
  const cases: [
    string,
    Partial<BudgetState>,
    { tokens: number; costUsd: number },
    string | null,
  ][] = [
    ['fits everywhere', {}, { tokens: 1_000, costUsd: 0.1 }, null],
    ['fills the agent’s day exactly', {}, { tokens: 5_000, costUsd: 0.5 }, null],
    [
      'over the run’s tokens',
      { runTokens: 9_500 },
      { tokens: 600, costUsd: 0 },
      'BUDGET_RUN_TOKENS',
    ],
    [
      'over the task’s dollars',
      { taskSpentUsd: 0.45 },
      { tokens: 10, costUsd: 0.1 },
      'BUDGET_TASK_USD',
    ],
    [
      'over the agent’s day with calls in flight',
      { agentTokens: { used: 3_000, reserved: 1_500 } },
      { tokens: 600, costUsd: 0 },
      'BUDGET_AGENT_DAILY_TOKENS',
    ],
    [
      'over the agent’s dollars',
      { taskBudgetUsd: 5, agentUsd: { used: 0.95, reserved: 0 } },
      { tokens: 10, costUsd: 0.1 },
      'BUDGET_AGENT_DAILY_USD',
    ],
    [
      'over the department’s tokens',
      { departmentTokens: { used: 7_500, reserved: 0 } },
      { tokens: 600, costUsd: 0 },
      'BUDGET_DEPARTMENT_DAILY_TOKENS',
    ],
    [
      'over the department’s dollars',
      { taskBudgetUsd: 5, departmentUsd: { used: 1.5, reserved: 0.45 } },
      { tokens: 10, costUsd: 0.1 },
      'BUDGET_DEPARTMENT_DAILY_USD',
    ],
    [
      'sums of dollars that fit exactly',
      { taskSpentUsd: 0.1 + 0.2 },
      { tokens: 1, costUsd: 0.2 },
      null,
    ],
  ];
  it.each(cases)('%s', (_name, state, call, expected) => {
    expect(budgetStop(limits, { ...idle, ...state }, call)?.code ?? null).toBe(expected);
  });

  it('names the figures of the budget it refuses', () => {
    expect(
      budgetStop(
        limits,
        { ...idle, agentTokens: { used: 4_000, reserved: 500 } },
        { tokens: 600, costUsd: 0 },
      ),
    ).toEqual({
      code: 'BUDGET_AGENT_DAILY_TOKENS',
      limit: 5_000,
      used: 4_000,
      reserved: 500,
      needed: 600,
    });
  });
});

describe('budgetDay', () => {
  it('is the UTC date', () => {
    expect(budgetDay(new Date('2026-12-06T23:59:59-05:00'))).toBe('2026-12-07');
  });
});

describe('waitsForNextDay', () => {
  const stop = { limit: 5_000, used: 4_800, reserved: 0, needed: 600 };
  const cases: [string, string, number, boolean][] = [
    ['the agent’s day is spent', 'BUDGET_AGENT_DAILY_TOKENS', 600, true],
    ['the agent’s dollars are spent', 'BUDGET_AGENT_DAILY_USD', 600, true],
    ['the department’s day is spent', 'BUDGET_DEPARTMENT_DAILY_TOKENS', 600, true],
    ['the department’s dollars are spent', 'BUDGET_DEPARTMENT_DAILY_USD', 600, true],
    ['the call fills a whole day exactly', 'BUDGET_AGENT_DAILY_TOKENS', 5_000, true],
    ['the call is bigger than a whole day', 'BUDGET_AGENT_DAILY_TOKENS', 5_001, false],
    ['the run’s tokens never come back', 'BUDGET_RUN_TOKENS', 600, false],
    ['the task’s dollars never come back', 'BUDGET_TASK_USD', 600, false],
  ];
  it.each(cases)('%s', (_name, code, needed, waits) => {
    expect(waitsForNextDay({ ...stop, code: code as BudgetRefusal, needed })).toBe(waits);
  });
});

describe('nextBudgetDay', () => {
  it.each([
    ['2026-12-06T10:15:00Z', '2026-12-07T00:00:00.000Z'],
    ['2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00.000Z'],
    ['2026-12-07T00:00:00Z', '2026-12-08T00:00:00.000Z'],
    ['2026-12-06T23:30:00-05:00', '2026-12-08T00:00:00.000Z'],
  ])('after %s is %s', (now, next) => {
    expect(nextBudgetDay(new Date(now)).toISOString()).toBe(next);
  });
});
