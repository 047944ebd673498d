import { describe, expect, it } from 'vitest';
import { outcomeQuality } from './outcome-quality.js';

const tool = (status: 'DONE' | 'REFUSED') => ({ kind: 'TOOL_CALL' as const, status });
const plan = { kind: 'PLAN' as const, status: 'DONE' as const };

describe('outcomeQuality', () => {
  it.each([
    ['done, every action ran', [plan, tool('DONE'), tool('DONE')], 'DONE', null, 1],
    [
      'done, one action of four refused',
      [tool('DONE'), tool('REFUSED'), tool('DONE'), tool('DONE')],
      'DONE',
      null,
      0.75,
    ],
    ['done without actions', [plan], 'DONE', null, 1],
    ['stopped for repeating itself', [plan, tool('DONE')], 'FAILED', 'REPEATED_ACTION', 0],
    ['stopped by a budget', [plan], 'FAILED', 'BUDGET_AGENT_DAILY_TOKENS', null],
    ['rejected by CMP', [plan], 'FAILED', 'CONSENSUS_REJECTED', null],
  ] as const)('%s', (_name, steps, status, code, expected) => {
    expect(outcomeQuality(steps, status, code)).toBe(expected);
  });
});
