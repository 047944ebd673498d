import {
  dashboardProposalQuery,
  dashboardProposalUpdatesSubscription,
  dashboardVoteTallySubscription,
} from '@daena/sdk';
import { useCallback, useEffect } from 'react';
import { useSubscription } from 'urql';
import { useFreshQuery } from '../live/use-fresh-query.js';
import { useThrottledRefresh } from '../live/use-throttled-refresh.js';

/**
 * Each vote is also a ledger entry: after votes the page reads the proposal again for its ledger
 * head and verification, at most this often (a vote's tally moves the bar at once meanwhile).
 */
const ledgerRefreshMs = 2_000;

/**
 * A proposal read and kept current: the live tally as votes arrive, and the proposal read again
 * after each transition (at once) and after votes (throttled), so its status, rounds, result and
 * ledger follow without a reload.
 */
export function useLiveProposal(id: string) {
  const [result, reexecute] = useFreshQuery({
    query: dashboardProposalQuery,
    variables: { id },
  });
  const reread = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const [{ data: tallyEvent }] = useSubscription({
    query: dashboardVoteTallySubscription,
    variables: { proposalId: id },
  });
  const liveTally = tallyEvent?.voteTally;
  const votesChanged = useThrottledRefresh(reread, ledgerRefreshMs);
  useEffect(() => {
    if (liveTally) votesChanged();
  }, [liveTally, votesChanged]);
  // A transition (closed, a new round, reopened) changes status, rounds, result and ledger: read
  // the proposal again at once (issue 20: they followed only on reload).
  const [{ data: transition }] = useSubscription({
    query: dashboardProposalUpdatesSubscription,
    variables: { proposalId: id },
  });
  useEffect(() => {
    if (transition) reread();
  }, [transition, reread]);
  return { ...result, reexecute, liveTally };
}
