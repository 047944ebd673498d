import {
  dashboardProposalQuery,
  dashboardVoteTallySubscription,
  type DashboardTallyFragment,
} from '@daena/sdk';
import { useEffect, useState } from 'react';
import { useSubscription } from 'urql';
import { useFreshQuery } from '../live/use-fresh-query.js';
import { hrefOf } from '../route.js';
import { formatNumber, percent, words } from '../ui/format.js';
import { Empty, ErrorState, Loading } from '../ui/states.js';
import { LedgerCheck, ProposalRounds } from './proposal-sections.js';
import { TallyBar } from './tally-bar.js';

/** Of two tallies of a proposal, the later one (a later round, or more votes in the same). */
const later = (a: DashboardTallyFragment, b: DashboardTallyFragment | undefined) =>
  b && (b.round > a.round || (b.round === a.round && b.votesCounted >= a.votesCounted)) ? b : a;

/** One proposal: threshold and why, stakeholders, the live tally, rounds, bias and ledger. */
export function ProposalPage({ id }: { id: string }) {
  const [{ data, error }, reexecute] = useFreshQuery({
    query: dashboardProposalQuery,
    variables: { id },
  });
  const [liveTally, setLiveTally] = useState<DashboardTallyFragment>();
  useSubscription(
    { query: dashboardVoteTallySubscription, variables: { proposalId: id } },
    (_previous, event) => {
      setLiveTally(event.voteTally);
      return event;
    },
  );
  const proposal = data?.proposal;
  // A new round or a closed one changes more than the tally: read the proposal again.
  const liveRound = liveTally?.round;
  useEffect(() => {
    if (proposal && liveRound !== undefined && liveRound !== proposal.currentRound) {
      reexecute({ requestPolicy: 'network-only' });
    }
  }, [liveRound, proposal, reexecute]);
  if (!data) {
    return error ? (
      <ErrorState what="the proposal" error={error} retry={() => reexecute()} />
    ) : (
      <Loading what="the proposal" />
    );
  }
  if (!proposal) return <Empty>No proposal has this id.</Empty>;
  const tally = later(proposal.tally, liveTally);
  return (
    <article className="proposal" aria-labelledby="proposal-heading">
      <p>
        <a href={hrefOf({ page: 'voting' })}>All proposals</a>
      </p>
      <h1 id="proposal-heading">{proposal.title}</h1>
      <p className="summary">
        {words(proposal.status)} · {words(proposal.kind)} · {proposal.department.name} · round{' '}
        {proposal.currentRound} of {proposal.maxRounds} ({proposal.roundSeconds} s each)
      </p>
      {proposal.description && <p>{proposal.description}</p>}
      <section aria-labelledby="tally-heading">
        <h2 id="tally-heading">Live tally</h2>
        <TallyBar tally={tally} />
      </section>
      <section aria-labelledby="threshold-heading">
        <h2 id="threshold-heading">Threshold</h2>
        <p data-testid="threshold">
          {proposal.threshold === null || proposal.threshold === undefined
            ? 'Fixed when the proposal opens.'
            : `${percent(proposal.threshold, 1)} support needed`}
        </p>
        {proposal.thresholdExplanation && <p>{proposal.thresholdExplanation}</p>}
      </section>
      <section aria-labelledby="stakeholders-heading">
        <h2 id="stakeholders-heading">Stakeholders ({proposal.stakeholders.length})</h2>
        {proposal.stakeholders.length === 0 ? (
          <Empty>No stakeholders until the proposal opens.</Empty>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Department</th>
                <th scope="col">Weight</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {proposal.stakeholders.map((stakeholder) => (
                <tr key={stakeholder.id}>
                  <td>{stakeholder.agent.name}</td>
                  <td>{stakeholder.agent.department.name}</td>
                  <td>{formatNumber(stakeholder.weight)}</td>
                  <td>{stakeholder.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ProposalRounds proposal={proposal} />
      <LedgerCheck head={proposal.ledgerHead} check={data.verifyLedger} />
    </article>
  );
}
