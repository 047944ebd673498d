import { describe, expect, it } from 'vitest';
import { checkParentChain, checkTaskDraft, taskLimits, type TaskDraft } from './task.js';

const now = new Date('2026-12-01T00:00:00Z');
const draft: TaskDraft = {
  title: '  Weekly churn  ',
  kind: ' Report ',
  description: '',
  requiredCapabilities: [' Analysis ', 'analysis', 'Data Collection'],
  complexity: 0.3,
  priority: 3,
  departmentId: 'd',
  budgetUsd: 1,
  deadline: null,
  parentId: null,
};
const reasonOf = (change: Partial<TaskDraft>) => {
  try {
    checkTaskDraft({ ...draft, ...change }, now);
    return 'ok';
  } catch (error) {
    return (error as { reason?: string }).reason;
  }
};

describe('checkTaskDraft', () => {
  it('trims the title and normalizes capabilities to the matrix’s words, once each', () => {
    const checked = checkTaskDraft(draft, now);
    expect(checked.title).toBe('Weekly churn');
    expect(checked.kind).toBe('report');
    expect(checked.requiredCapabilities).toEqual(['analysis', 'data collection']);
  });

  it('names the first thing wrong', () => {
    expect(reasonOf({ requiredCapabilities: ['telepathy'] })).toBe('TASK_CAPABILITY_UNKNOWN');
    expect(reasonOf({ kind: 'Two words' })).toBe('TASK_KIND_INVALID');
    expect(reasonOf({ kind: '' })).toBe('TASK_KIND_INVALID');
    expect(reasonOf({ budgetUsd: -0.01 })).toBe('TASK_BUDGET_INVALID');
    expect(reasonOf({ budgetUsd: Number.NaN })).toBe('TASK_BUDGET_INVALID');
    expect(reasonOf({ budgetUsd: taskLimits.budgetMaxUsd + 1 })).toBe('TASK_BUDGET_INVALID');
    expect(reasonOf({ complexity: -0.1 })).toBe('TASK_COMPLEXITY_INVALID');
    expect(reasonOf({ priority: 0 })).toBe('TASK_PRIORITY_INVALID');
    expect(reasonOf({ priority: 2.5 })).toBe('TASK_PRIORITY_INVALID');
    expect(reasonOf({ title: ' ' })).toBe('TASK_TITLE_INVALID');
    expect(reasonOf({ title: 'x'.repeat(201) })).toBe('TASK_TITLE_INVALID');
    expect(reasonOf({ description: 'x'.repeat(4_001) })).toBe('TASK_DESCRIPTION_TOO_LONG');
    expect(reasonOf({ deadline: now })).toBe('TASK_DEADLINE_PAST');
    expect(reasonOf({ budgetUsd: 0 })).toBe('ok');
  });
});

describe('checkParentChain', () => {
  it('refuses a cycle and a chain deeper than the limit', () => {
    expect(() => checkParentChain('a', ['b', 'a'])).toThrow(/own ancestor/);
    const deep = Array.from({ length: taskLimits.depthMax }, (_, index) => `t${index}`);
    expect(() => checkParentChain('new', deep)).toThrow(/nest at most/);
    expect(() => checkParentChain('new', deep.slice(1))).not.toThrow();
  });
});
