import { Role, signToken } from '@daena/platform';

/**
 * The agent's own token for the subgraphs a run calls (decisions, knowledge): they take an
 * agent's request only from the agent, and knowledge reads its department from the token (its
 * access rules are the agent's). Five minutes: one step's calls, not a session.
 */
export function agentToken(
  jwtSecret: string,
  agentId: string,
  departmentSlug: string | null = null,
): Promise<string> {
  return signToken(
    jwtSecret,
    {
      sub: agentId,
      roles: [Role.AGENT],
      ...(departmentSlug ? { department: departmentSlug } : {}),
    },
    '5m',
  );
}
