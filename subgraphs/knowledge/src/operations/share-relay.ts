import { UnavailableError } from '@daena/platform';
import type { BorderRelay } from '../store/border-relay.js';
import type { DepartmentDirectory } from '../store/department-directory.js';

/** The relay shares travel by; composition builds the schema without one and never executes. */
export function requireRelay(relay: BorderRelay | undefined): BorderRelay {
  if (!relay)
    throw new UnavailableError('Knowledge cannot reach the agents subgraph', 'AGENTS_UNAVAILABLE');
  return relay;
}

/** The department directory (agents); absent in composition, which never executes. */
export function requireDirectory(directory: DepartmentDirectory | undefined): DepartmentDirectory {
  if (!directory)
    throw new UnavailableError('Knowledge cannot reach the agents subgraph', 'AGENTS_UNAVAILABLE');
  return directory;
}
