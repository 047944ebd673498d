import type { Principal } from '@daena/platform';
import { systemActor } from '../domain/lifecycle.js';

/** Who acts when a job runs: nobody's token, the `system` actor of transitions. */
export const systemPrincipal: Principal = Object.freeze({
  sub: systemActor,
  roles: [],
  department: null,
  token: null,
});
