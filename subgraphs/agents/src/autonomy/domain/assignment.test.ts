import { describe, expect, it } from 'vitest';
import { AgentRole, AgentStatus } from '../../organization/domain/organization.js';
import { chooseAssignee, type Candidate } from './assignment.js';

const agent = (name: string, role: AgentRole, change: Partial<Candidate> = {}): Candidate => ({
  id: name,
  name,
  role,
  status: AgentStatus.IDLE,
  retiredAt: null,
  load: 0,
  openTasks: 0,
  ...change,
});

describe('chooseAssignee', () => {
  it('picks among the roles with every capability the one with the least work', () => {
    const team = [
      agent('scout-a', AgentRole.DATA_SCOUT, { openTasks: 2 }),
      agent('scout-b', AgentRole.DATA_SCOUT, { openTasks: 1, load: 0.9 }),
      agent('scout-c', AgentRole.DATA_SCOUT, { openTasks: 1, load: 0.1 }),
      agent('synth', AgentRole.SYNTHESIZER),
    ];
    expect(chooseAssignee(['analysis', 'data collection'], team)?.id).toBe('scout-c');
    expect(chooseAssignee(['information integration'], team)?.id).toBe('synth');
  });

  it('passes over paused and retired agents, and finds nobody when no role can do it', () => {
    const team = [
      agent('paused', AgentRole.DATA_SCOUT, { status: AgentStatus.PAUSED }),
      agent('retired', AgentRole.DATA_SCOUT, { retiredAt: new Date() }),
      agent('synth', AgentRole.SYNTHESIZER),
    ];
    expect(chooseAssignee(['analysis'], team)).toBeNull();
    expect(chooseAssignee([], team)?.id).toBe('synth');
  });
});
