// Runs the repository's TypeScript sources directly: `node --conditions=source --import
// @daena/platform/register main.ts`. tsx applies a tsconfig only to files it includes, so the
// root tsconfig (experimental decorators for type-graphql, all workspaces included) is named here.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
