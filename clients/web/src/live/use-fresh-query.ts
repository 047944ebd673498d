import { useEffect, useRef } from 'react';
import { useQuery, type AnyVariables, type UseQueryArgs } from 'urql';
import { useLive } from './live-context.js';

/**
 * useQuery that reads again from the network after a reconnection: what the subscriptions
 * missed while the gateway was away is in the current state (each payload is a snapshot).
 */
export function useFreshQuery<Data, Variables extends AnyVariables>(
  args: UseQueryArgs<Variables, Data>,
) {
  const [result, reexecute] = useQuery<Data, Variables>({
    requestPolicy: 'cache-and-network',
    ...args,
  });
  const { epoch } = useLive();
  const seen = useRef(epoch);
  useEffect(() => {
    if (seen.current === epoch) return;
    seen.current = epoch;
    reexecute({ requestPolicy: 'network-only' });
  }, [epoch, reexecute]);
  return [result, reexecute] as const;
}
