import { fileURLToPath } from 'node:url';
import { Role, signToken, type Logger } from '@daena/platform';
import express, { type Express, type Response } from 'express';
import type { GatewayConfig } from '../config.js';
import { isLoopback } from '../rate-limit/client-address.js';

/** The dashboard's build (`npm run build -w @daena/web`; `npm start` runs it first). */
export const defaultDashboardDir = fileURLToPath(
  new URL('../../../clients/web/dist', import.meta.url),
);

export interface DashboardOptions {
  /** Where the built dashboard is; `defaultDashboardDir` unless told. */
  dir?: string;
  /**
   * Embedded mode only (the stack sets it; no variable does): POST /auth/dev-token mints an admin
   * token with the gateway's HS256 secret, for the dashboard's development sign-in button, to
   * callers on this machine (loopback) only.
   */
  devTokenMint?: boolean;
}

/** How long a development token lasts: a working day, like `npm run token`'s default. */
const devTokenLifetime = '12h';

/**
 * Serves the web dashboard (issue 20) at / from its build: hashed assets cached for a year,
 * index.html never, under a Content-Security-Policy that allows this origin only. GraphQL stays
 * on /graphql; /dashboard.json tells the page whether this gateway mints development tokens.
 */
export function mountDashboard(
  app: Express,
  deps: {
    config: Pick<GatewayConfig, 'JWT_ISSUER' | 'JWT_AUDIENCE'>;
    jwtSecret?: string | undefined;
    dashboard?: DashboardOptions | undefined;
    log: Logger;
  },
): void {
  const dir = deps.dashboard?.dir ?? defaultDashboardDir;
  const secret = deps.dashboard?.devTokenMint ? deps.jwtSecret : undefined;
  if (deps.dashboard?.devTokenMint && !secret) {
    deps.log.warn('dashboard: no HS256 secret, so no development tokens');
  }
  app.get('/dashboard.json', (_req, res) => {
    res.set('cache-control', 'no-store').json({ devTokenMint: secret !== undefined });
  });
  if (secret) {
    app.post('/auth/dev-token', (req, res) => {
      // A JSON body needs a CORS preflight, which this route never answers: no other origin's
      // page can mint one through a visitor's browser.
      // Only a browser on this machine: a gateway bound to a public address mints for nobody.
      if (!isLoopback(req.socket.remoteAddress ?? '')) {
        res.status(403).json({ error: 'development tokens are minted for this machine only' });
        return;
      }
      if (!req.is('application/json')) {
        res.status(415).json({ error: 'send Content-Type: application/json' });
        return;
      }
      signToken(secret, { sub: 'dashboard-developer', roles: [Role.ADMIN] }, devTokenLifetime, {
        issuer: deps.config.JWT_ISSUER,
        audience: deps.config.JWT_AUDIENCE,
      }).then(
        (token) => res.set('cache-control', 'no-store').json({ token }),
        (error: unknown) => {
          deps.log.error({ err: error }, 'dashboard: could not mint a development token');
          res.status(500).json({ error: 'could not mint a token' });
        },
      );
    });
  }
  app.use(
    express.static(dir, {
      index: 'index.html',
      setHeaders(res, path) {
        securityHeaders(res);
        // Vite names assets by their content hash: a new build gets new names.
        res.set(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  app.get('/', (_req, res) => {
    // Reached only when there is no build: say how to make one rather than a bare 404.
    res
      .status(503)
      .type('text/plain')
      .send('The dashboard is not built: run `npm run build -w @daena/web`, then reload.\n');
  });
}

function securityHeaders(res: Response): void {
  res.set({
    'content-security-policy':
      "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
}
