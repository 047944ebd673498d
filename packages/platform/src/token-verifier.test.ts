import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  type CryptoKey,
  type JWK,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devJwtSecret, signToken, verifyingSecret } from './auth.js';
import { DaenaError } from './errors.js';
import { createTokenVerifier, type TokenVerifierOptions } from './token-verifier.js';

const secret = 'test-secret-that-is-long-enough';
const base = { issuer: 'daena', audience: 'daena-api', clockToleranceSec: 30 };

interface SigningKey {
  alg: 'RS256' | 'ES256' | 'PS256';
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(alg: SigningKey['alg'], kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, kid, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid } };
}

/** A JWKS document on loopback whose keys a test can change (rotation) and whose fetches count. */
class JwksServer {
  keys: JWK[] = [];
  fetches = 0;
  private server: Server = createServer((_req, res) => {
    this.fetches++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: this.keys }));
  });
  url = '';
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks.json`;
  }
  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

interface TokenShape {
  iss?: string;
  aud?: string;
  exp?: number;
  nbf?: number;
}

const now = () => Math.floor(Date.now() / 1000);

function token(key: SigningKey, shape: TokenShape = {}, header: Record<string, string> = {}) {
  const jwt = new SignJWT({ roles: ['viewer'] })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, ...header })
    .setSubject('ada')
    .setIssuer(shape.iss ?? 'daena')
    .setAudience(shape.aud ?? 'daena-api')
    .setExpirationTime(shape.exp ?? now() + 600);
  if (shape.nbf !== undefined) jwt.setNotBefore(shape.nbf);
  return jwt.sign(key.privateKey);
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DaenaError);
  return error as DaenaError;
}

describe('TokenVerifier with a JWKS', () => {
  const jwks = new JwksServer();
  let rsa: SigningKey;
  let ec: SigningKey;
  const verifier = (options: Partial<TokenVerifierOptions> = {}) =>
    createTokenVerifier({ ...base, secret, jwksUrl: jwks.url, jwksCooldownMs: 0, ...options });

  beforeAll(async () => {
    await jwks.start();
    rsa = await signingKey('RS256', 'rsa-1');
    ec = await signingKey('ES256', 'ec-1');
    jwks.keys = [rsa.jwk, ec.jwk];
  });
  afterAll(() => jwks.close());

  it.each(['RS256', 'ES256'])('accepts a %s token signed by a published key', async (alg) => {
    const key = alg === 'RS256' ? rsa : ec;
    const exp = now() + 600;
    const principal = await verifier().verify(await token(key, { exp }));
    expect(principal).toMatchObject({ sub: 'ada', roles: ['viewer'], expiresAt: exp * 1000 });
  });

  it('picks up a rotated key: an unknown kid refetches the set', async () => {
    const tokens = verifier();
    await tokens.verify(await token(rsa));
    const fetchesBefore = jwks.fetches;
    const rotated = await signingKey('RS256', 'rsa-2');
    jwks.keys = [...jwks.keys, rotated.jwk];
    const principal = await tokens.verify(await token(rotated));
    expect(principal.sub).toBe('ada');
    expect(jwks.fetches).toBe(fetchesBefore + 1);
  });

  it('does not refetch for unknown kids during the cooldown', async () => {
    const tokens = verifier({ jwksCooldownMs: 60_000 });
    await tokens.verify(await token(rsa));
    const fetchesBefore = jwks.fetches;
    const unknown = await signingKey('RS256', 'never-published');
    for (let i = 0; i < 3; i++) {
      const error = await refusal(tokens.verify(await token(unknown)));
      expect(error.reason).toBe('TOKEN_INVALID');
    }
    expect(jwks.fetches).toBe(fetchesBefore);
  });

  it('refuses HS256 signed with the RSA public key as secret (alg confusion)', async () => {
    const publicPem = await exportSPKI(rsa.publicKey);
    const confused = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
      .setSubject('mallory')
      .setIssuer('daena')
      .setAudience('daena-api')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(publicPem));
    for (const tokens of [verifier(), verifier({ secret: undefined })]) {
      expect((await refusal(tokens.verify(confused))).reason).toBe('TOKEN_INVALID');
    }
  });

  it('refuses alg=none', async () => {
    const unsigned = new UnsecuredJWT({ roles: ['admin'] })
      .setSubject('mallory')
      .setIssuer('daena')
      .setAudience('daena-api')
      .setExpirationTime('5m')
      .encode();
    expect((await refusal(verifier().verify(unsigned))).reason).toBe('TOKEN_INVALID');
  });

  it('pins the algorithm to the key type', async () => {
    const pss = await signingKey('PS256', 'rsa-pss');
    jwks.keys = [...jwks.keys, { ...pss.jwk, alg: undefined }];
    // An RSA key used with PS256, and an EC key's kid under an RS256 header.
    const withPss = await token(pss);
    const ecAsRsa = await token({ ...rsa, kid: ec.kid });
    for (const refused of [withPss, ecAsRsa]) {
      expect((await refusal(verifier().verify(refused))).reason).toBe('TOKEN_INVALID');
    }
  });

  it('refuses a token signed by another key under a published kid', async () => {
    const impostor = await signingKey('RS256', rsa.kid);
    expect((await refusal(verifier().verify(await token(impostor)))).reason).toBe('TOKEN_INVALID');
  });

  it.each([
    ['expired beyond the skew', { exp: now() - 120 }, 'TOKEN_EXPIRED'],
    ['not valid for two more minutes', { nbf: now() + 120 }, 'TOKEN_NOT_YET_VALID'],
    ['from another issuer', { iss: 'someone-else' }, 'TOKEN_INVALID'],
    ['for another audience', { aud: 'another-api' }, 'TOKEN_INVALID'],
  ])('refuses a token %s', async (_case, shape, reason) => {
    const error = await refusal(verifier().verify(await token(rsa, shape)));
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', reason });
  });

  it('tolerates a clock skew within JWT_CLOCK_TOLERANCE_SEC', async () => {
    const skewed = await token(ec, { exp: now() - 10, nbf: now() + 10 });
    expect((await verifier().verify(skewed)).sub).toBe('ada');
    const strict = verifier({ clockToleranceSec: 0 });
    expect((await refusal(strict.verify(skewed))).reason).toMatch(/TOKEN_EXPIRED|NOT_YET_VALID/);
  });

  it('honours a configured issuer and audience', async () => {
    const custom = verifier({ issuer: 'https://idp.example', audience: 'ops' });
    const shaped = await token(rsa, { iss: 'https://idp.example', aud: 'ops' });
    expect((await custom.verify(shaped)).sub).toBe('ada');
    expect((await refusal(custom.verify(await token(rsa)))).reason).toBe('TOKEN_INVALID');
  });

  it('calls a token that is not a JWT malformed', async () => {
    for (const garbage of ['abc', 'a.b.c', `${'x'.repeat(10)}..`]) {
      expect((await refusal(verifier().verify(garbage))).reason).toBe('TOKEN_MALFORMED');
    }
  });

  it('answers JWKS_UNAVAILABLE when the key set cannot be fetched', async () => {
    const gone = new JwksServer();
    await gone.start();
    await gone.close();
    const error = await refusal(verifier({ jwksUrl: gone.url }).verify(await token(rsa)));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', reason: 'JWKS_UNAVAILABLE' });
  });
});

describe('TokenVerifier with a secret', () => {
  it('verifies HS256 with the secret only', async () => {
    const hs = await signToken(secret, { sub: 'bob', roles: [] });
    expect((await createTokenVerifier({ ...base, secret }).verify(hs)).sub).toBe('bob');
    const jwksOnly = createTokenVerifier({ ...base, jwksUrl: 'http://127.0.0.1:9/jwks.json' });
    expect((await refusal(jwksOnly.verify(hs))).reason).toBe('TOKEN_INVALID');
  });

  it('refuses asymmetric tokens when no JWKS_URL is configured', async () => {
    const rsa = await signingKey('RS256', 'k');
    const error = await refusal(createTokenVerifier({ ...base, secret }).verify(await token(rsa)));
    expect(error.reason).toBe('TOKEN_INVALID');
  });
});

describe('verifyingSecret', () => {
  it('lets production run on a JWKS alone, never on the development secret', () => {
    const jwksUrl = 'https://idp.example/jwks.json';
    expect(verifyingSecret({ NODE_ENV: 'production', JWKS_URL: jwksUrl })).toBeUndefined();
    expect(() => verifyingSecret({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(verifyingSecret({ NODE_ENV: 'development', JWKS_URL: jwksUrl })).toBe(devJwtSecret);
    expect(verifyingSecret({ NODE_ENV: 'production', JWT_SECRET: secret })).toBe(secret);
  });
});
