import { describe, expect, it } from 'vitest';
import { AgentRole } from '../../organization/domain/organization.js';
import { parseAnswer, roleTools, Tool } from './run-tools.js';

const answer = (actions: unknown[]) => JSON.stringify({ summary: 'done', actions });
const codes = (text: string, role: AgentRole, available?: Tool[]) =>
  parseAnswer(text, role, available).actions.map((action) =>
    'refused' in action ? action.code : action.action.tool,
  );

describe('the knowledge and proposal tools', () => {
  it('are granted by role: every role reads, writers write, proposers propose', () => {
    for (const tools of Object.values(roleTools)) {
      expect(tools).toEqual(expect.arrayContaining(['search_knowledge', 'read_knowledge']));
    }
    const granted = (tool: Tool) =>
      Object.entries(roleTools)
        .filter(([, tools]) => tools.includes(tool))
        .map(([role]) => role);
    expect(granted(Tool.WRITE_KNOWLEDGE)).toEqual([
      'STRATEGIC_ADVISOR',
      'DATA_SCOUT',
      'RESEARCH_SCOUT',
      'SYNTHESIZER',
    ]);
    expect(granted(Tool.OPEN_PROPOSAL)).toEqual([
      'STRATEGIC_ADVISOR',
      'CREATIVE_ADVISOR',
      'GROWTH_ADVISOR',
      'SYNTHESIZER',
      'BORDER_AGENT',
    ]);
  });

  it('parse their arguments with defaults, and refuse what the role may not use', () => {
    const actions = [
      { tool: 'search_knowledge', args: { query: ' osprey ' } },
      { tool: 'write_knowledge', args: { title: 'Brief', body: 'Two runs.' } },
      { tool: 'open_proposal', args: { title: 'Hire', kind: 'RESOURCE_ALLOCATION' } },
    ];
    const parsed = parseAnswer(answer(actions), AgentRole.SYNTHESIZER);
    expect(parsed.actions).toEqual([
      { action: { tool: 'search_knowledge', args: { query: 'osprey', limit: 5 } } },
      {
        action: {
          tool: 'write_knowledge',
          args: { title: 'Brief', body: 'Two runs.', accessLevel: 'CONFIDENTIAL' },
        },
      },
      {
        action: {
          tool: 'open_proposal',
          args: {
            title: 'Hire',
            description: '',
            kind: 'RESOURCE_ALLOCATION',
            risk: 0.5,
            urgency: 0.5,
          },
        },
      },
    ]);
    expect(codes(answer(actions), AgentRole.EXECUTION_AGENT)).toEqual([
      'search_knowledge',
      'TOOL_NOT_ALLOWED',
      'TOOL_NOT_ALLOWED',
    ]);
  });

  it('refuse malformed arguments and tools the run was not given', () => {
    const bad = [
      { tool: 'search_knowledge', args: { query: 'osprey', limit: 11 } },
      { tool: 'search_knowledge', args: { query: '   ' } },
      { tool: 'read_knowledge', args: { entryId: 'not-a-uuid' } },
      { tool: 'write_knowledge', args: { title: 'T', body: 'B', kind: 'GOSSIP' } },
      { tool: 'open_proposal', args: { title: 'T', kind: 'COUP' } },
      { tool: 'open_proposal', args: { title: 'T', kind: 'QUALITY', risk: 2 } },
    ];
    expect(codes(answer(bad), AgentRole.STRATEGIC_ADVISOR)).toEqual([
      'ACTION_MALFORMED',
      'ACTION_MALFORMED',
      'ACTION_MALFORMED',
      'ACTION_MALFORMED',
      'ACTION_MALFORMED',
      'TOO_MANY_ACTIONS',
    ]);
    const search = [{ tool: 'search_knowledge', args: { query: 'osprey' } }];
    expect(codes(answer(search), AgentRole.DATA_SCOUT, [Tool.SEND_MESSAGE])).toEqual([
      'TOOL_UNAVAILABLE',
    ]);
  });
});
