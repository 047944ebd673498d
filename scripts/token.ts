import { parseArgs } from 'node:util';
import { loadConfig, resolveJwtSecret, Role, runMain, signToken, env } from '@daena/platform';
import { z } from 'zod';

// `npm run token -- --role admin [--department finance] [--sub alice] [--expires 12h]`
// prints a JWT for local use, signed with JWT_SECRET (or the development secret).
await runMain(async () => {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true, default: ['admin'] },
      department: { type: 'string' },
      sub: { type: 'string', default: 'local-user' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const roles = values.role.map((role) => {
    const known = Object.values(Role) as string[];
    if (!known.includes(role)) {
      process.stderr.write(`Unknown role "${role}": use one of ${known.join(', ')}\n`);
      process.exit(1);
    }
    return role as Role;
  });
  const config = loadConfig(
    z.object({ JWT_SECRET: env.secret().optional(), NODE_ENV: env.nodeEnv() }),
  );
  const token = await signToken(
    resolveJwtSecret(config).secret,
    { sub: values.sub, roles, department: values.department },
    values.expires,
  );
  process.stdout.write(`${token}\n`);
  return { close: async () => {} };
});
process.exit(0);
