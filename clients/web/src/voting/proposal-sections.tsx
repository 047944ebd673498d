import type { DashboardProposalQuery } from '@daena/sdk';
import { formatTime, percent, words } from '../ui/format.js';
import { Empty } from '../ui/states.js';

type Proposal = NonNullable<DashboardProposalQuery['proposal']>;

const interval = (value: { low: number; high: number } | null | undefined) =>
  value ? `${percent(value.low)}–${percent(value.high)}` : '–';

/** The rounds so far, the result with its 95% interval, and the bias report. */
export function ProposalRounds({ proposal }: { proposal: Proposal }) {
  return (
    <>
      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">Rounds</h2>
        {proposal.rounds.length === 0 ? (
          <Empty>No round has opened yet.</Empty>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Opened</th>
                <th scope="col">Deadline</th>
                <th scope="col">Participation</th>
                <th scope="col">Support (95% interval)</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {proposal.rounds.map((round) => (
                <tr key={round.round}>
                  <td>{round.round}</td>
                  <td>{formatTime(round.openedAt)}</td>
                  <td>{formatTime(round.deadline)}</td>
                  <td>{percent(round.participation)}</td>
                  <td>
                    {percent(round.support)} ({interval(round.interval)})
                  </td>
                  <td>
                    {round.decision
                      ? words(round.decision)
                      : round.closedAt
                        ? round.closedBecause
                        : 'open'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {/* Always a line, so a result arriving live shifts nothing below it. */}
        <p data-testid="result">
          {proposal.result ? (
            <>
              Result: {words(proposal.result.decision)} with support{' '}
              {percent(proposal.result.support)} (95% interval {interval(proposal.result.interval)})
            </>
          ) : (
            'No result until the proposal closes.'
          )}
        </p>
      </section>
      <section aria-labelledby="bias-heading">
        <h2 id="bias-heading">Bias report</h2>
        {proposal.biasReport.length === 0 ? (
          <Empty>No bias found so far.</Empty>
        ) : (
          <ul>
            {proposal.biasReport.map((finding, index) => (
              <li key={index}>
                Round {finding.round}: {words(finding.kind)} — {finding.evidence} (
                {words(finding.mitigation)})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The ledger's head and whether its hash chain, votes and round results check out. */
export function LedgerCheck({
  head,
  check,
}: {
  head: string | null | undefined;
  check: DashboardProposalQuery['verifyLedger'];
}) {
  return (
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">Ledger</h2>
      <dl className="facts">
        <dt>Head</dt>
        <dd>
          <code className="hash" data-testid="ledger-head">
            {head ?? 'empty'}
          </code>
        </dd>
        <dt>Entries</dt>
        <dd>{check.entries}</dd>
        <dt>Verification</dt>
        <dd data-testid="ledger-verification">
          {check.valid
            ? 'Valid: the chain and its votes check out'
            : `Broken: ${check.problem ?? 'unknown'}`}
        </dd>
      </dl>
    </section>
  );
}
