import { z } from 'zod';
import { env } from './config.js';

/** Today's issuer and audience, the defaults of JWT_ISSUER and JWT_AUDIENCE. */
export const defaultIssuer = 'daena';
export const defaultAudience = 'daena-api';
/** Clock skew tolerated on exp/nbf, the default of JWT_CLOCK_TOLERANCE_SEC. */
export const defaultClockToleranceSec = 30;

/**
 * The env keys of token verification, part of every service's env (serviceEnvSchema), so the
 * gateway and the subgraphs that verify again accept the same tokens. JWT_SECRET stays beside
 * them in serviceEnvSchema.
 */
export const tokenEnv = {
  /** RS256/ES256 public keys (a JWKS document); unset: only HS256 tokens with JWT_SECRET. */
  JWKS_URL: env
    .url(['http', 'https'])
    .optional()
    .describe(
      'JWKS of an identity provider: RS256/ES256 tokens signed by its keys are accepted too. Unset: HS256 tokens only.',
    ),
  JWT_ISSUER: z
    .string()
    .min(1)
    .default(defaultIssuer)
    .describe("The `iss` every token must carry; set it to your identity provider's."),
  JWT_AUDIENCE: z
    .string()
    .min(1)
    .default(defaultAudience)
    .describe("The `aud` every token must carry; set it to your identity provider's."),
  /** Clock skew tolerated on exp and nbf; bounded so an expired token cannot live on for long. */
  JWT_CLOCK_TOLERANCE_SEC: z.coerce
    .number()
    .int()
    .min(0)
    .max(300)
    .default(defaultClockToleranceSec)
    .describe(
      'Seconds of clock skew allowed on `exp` and `nbf`; raise it if valid tokens are refused.',
    ),
  /** How long one JWKS fetch may take before verification answers JWKS_UNAVAILABLE. */
  JWKS_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(5_000)
    .describe(
      'How long one JWKS fetch may take before tokens are refused with `JWKS_UNAVAILABLE`.',
    ),
  /**
   * After a fetch, how long an unknown `kid` waits before refetching the set: rotated keys are
   * picked up after at most this long, and forged kids cannot hammer the key server.
   */
  JWKS_COOLDOWN_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_600_000)
    .default(30_000)
    .describe(
      'The shortest time between two JWKS fetches for an unknown `kid`: how soon rotated keys are picked up.',
    ),
};

export type TokenEnv = z.infer<z.ZodObject<typeof tokenEnv>>;
