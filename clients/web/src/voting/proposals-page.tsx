import { dashboardProposalsQuery, type ProposalStatus } from '@daena/sdk';
import { useState } from 'react';
import { useFreshQuery } from '../live/use-fresh-query.js';
import { hrefOf } from '../route.js';
import { formatTime, words } from '../ui/format.js';
import { Empty, ErrorState, Loading } from '../ui/states.js';

/** Proposals, newest first: the open ones unless asked for all. */
export function ProposalsPage() {
  const [status, setStatus] = useState<ProposalStatus | 'ALL'>('OPEN');
  const [{ data, error }, reexecute] = useFreshQuery({
    query: dashboardProposalsQuery,
    variables: status === 'ALL' ? {} : { status },
  });
  return (
    <section aria-labelledby="voting-heading">
      <h1 id="voting-heading">Voting</h1>
      <label className="filter">
        Show{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="OPEN">Open proposals</option>
          <option value="ALL">All proposals</option>
        </select>
      </label>
      {data ? (
        data.proposals.length === 0 ? (
          <Empty>
            {status === 'OPEN' ? 'No proposal is open for voting.' : 'No proposals yet.'}
          </Empty>
        ) : (
          <table className="list">
            <caption className="visually-hidden">Proposals, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Round</th>
                <th scope="col">Department</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {data.proposals.map((proposal) => (
                <tr key={proposal.id} data-proposal-id={proposal.id}>
                  <td>
                    <a href={hrefOf({ page: 'voting', proposalId: proposal.id })}>
                      {proposal.title}
                    </a>
                  </td>
                  <td>{words(proposal.status)}</td>
                  <td>
                    {proposal.currentRound} of {proposal.maxRounds}
                  </td>
                  <td>{proposal.department.name}</td>
                  <td>{formatTime(proposal.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : error ? (
        <ErrorState what="proposals" error={error} retry={() => reexecute()} />
      ) : (
        <Loading what="proposals" />
      )}
    </section>
  );
}
