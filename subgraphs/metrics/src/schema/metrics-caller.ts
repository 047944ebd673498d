import {
  anonymous,
  claimsServiceAudience,
  principalFromHeader,
  type TokenVerifier,
} from '@daena/platform';
import type { MetricsCaller } from './context.js';

/**
 * The caller of one request. A bearer token claiming the service audience is checked by the
 * service verifier (HS256, service audience) and names a service; any other header is a user's,
 * checked as every subgraph checks it (ARCHITECTURE §6). Either verifier refuses the other's
 * tokens, so neither kind can pass as the other.
 */
export async function callerFromHeader(
  verifiers: { users: TokenVerifier; services: TokenVerifier },
  header: string | undefined,
): Promise<MetricsCaller> {
  const token = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1];
  if (token && claimsServiceAudience(token)) {
    const service = await verifiers.services.verify(token);
    return { principal: anonymous, service: service.sub };
  }
  return { principal: await principalFromHeader(verifiers.users, header), service: null };
}
