import type { DashboardTallyFragment } from '@daena/sdk';
import { hrefOf } from '../route.js';
import { formatNumber, percent, words } from '../ui/format.js';
import { Empty, ErrorState, Loading } from '../ui/states.js';
import { LedgerCheck, ProposalRounds } from './proposal-sections.js';
import { TallyBar } from './tally-bar.js';
import { useLiveProposal } from './use-live-proposal.js';

/**
 * Of the proposal's tally as read and the live one, the later: a later round or more votes in the
 * same. On a tie the read one, as the page reads after each event (a closed round unblinds it).
 */
const later = (read: DashboardTallyFragment, live: DashboardTallyFragment | undefined) =>
  live &&
  (live.round > read.round || (live.round === read.round && live.votesCounted > read.votesCounted))
    ? live
    : read;

/** One proposal: threshold and why, stakeholders, the live tally, rounds, bias and ledger. */
export function ProposalPage({ id }: { id: string }) {
  const { data, error, reexecute, liveTally } = useLiveProposal(id);
  const proposal = data?.proposal;
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
    <article className="proposal" aria-labelledby="proposal-heading" data-status={proposal.status}>
      <p className="back-link">
        <a href={hrefOf({ page: 'voting' })}>All proposals</a>
      </p>
      <h1 id="proposal-heading">{proposal.title}</h1>
      {/* The status last: when it changes live, nothing after it moves. */}
      <p className="summary proposal-summary">
        {words(proposal.kind)} · {proposal.department.name} · round {proposal.currentRound} of{' '}
        {proposal.maxRounds} ({proposal.roundSeconds} s each) ·{' '}
        <strong data-testid="proposal-status">{words(proposal.status)}</strong>
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
