import type { IncomingMessage } from 'node:http';
import {
  ConfigError,
  tokenVerifierFromConfig,
  type Logger,
  type Principal,
  type ServiceDefinition,
  type StoreConnector,
  type TokenVerifier,
} from '@daena/platform';
import type { GraphQLError } from 'graphql';
import type { GatewayConfig } from '../config.js';
import { gatewayRateLimit, type UpgradeRefusal } from './gateway-rate-limit.js';
import { requestPrincipals } from './request-principal.js';

export interface GatewayAccessOptions {
  config: GatewayConfig;
  /** The HS256 secret; undefined: HS256 tokens are refused (production on a JWKS alone). */
  jwtSecret?: string | undefined;
  /** A verifier built elsewhere; by default one from the config (JWKS_URL …) and jwtSecret. */
  tokens?: TokenVerifier | undefined;
  log: Logger;
}

/** Who may call the gateway and how often: the token verifier and the rate limits, wired once. */
export interface GatewayAccess {
  tokens: TokenVerifier;
  /** The request's verified caller (verified once, shared by the rate limit and the context). */
  principalOf(request: IncomingMessage): Promise<Principal>;
  /** For startService: the HTTP rate limit, mounted before /graphql. */
  configure: NonNullable<ServiceDefinition<object>['configure']>;
  /** For attachSubscriptionServer: the WebSocket rate limits (none when limits are off). */
  subscriptionHooks: {
    admitConnection?(request: IncomingMessage): Promise<UpgradeRefusal | null>;
    admitOperation?(request: IncomingMessage, principal: Principal): Promise<GraphQLError | null>;
  };
  /** For startService: the rate limit counters' Redis, connected before /graphql serves. */
  stores: StoreConnector[];
}

export function gatewayAccess(options: GatewayAccessOptions): GatewayAccess {
  const { config, log } = options;
  if (!options.tokens && !options.jwtSecret && !config.JWKS_URL) {
    throw new ConfigError('JWKS_URL', 'JWKS_URL: required when the gateway has no JWT_SECRET');
  }
  const tokens = options.tokens ?? tokenVerifierFromConfig(config, options.jwtSecret, log);
  const principalOf = requestPrincipals(tokens);
  const rateLimit = gatewayRateLimit(config, log);
  return {
    tokens,
    principalOf,
    configure: (app) => rateLimit?.mount(app, principalOf),
    subscriptionHooks: rateLimit
      ? { admitConnection: rateLimit.admitConnection, admitOperation: rateLimit.admitOperation }
      : {},
    stores: rateLimit?.stores ?? [],
  };
}
