import {
  dashboardRouterSelectionsSubscription,
  dashboardRoutingStatsQuery,
  type DashboardRouterSelectionsSubscription,
} from '@daena/sdk';
import { useSubscription } from 'urql';
import { useFreshQuery } from '../live/use-fresh-query.js';
import { formatNumber, formatTime, formatUsd, percent, words } from '../ui/format.js';
import { Empty, ErrorState, Loading } from '../ui/states.js';

type Selection = DashboardRouterSelectionsSubscription['routerSelections'];

/** How many selections the feed keeps (newest first). */
const feedLength = 20;

/** The router: quality, latency and cost per model, and each selection live with its reasoning. */
export function RouterPage() {
  const [{ data, error }, reexecute] = useFreshQuery({ query: dashboardRoutingStatsQuery });
  const [{ data: feed = [] }] = useSubscription<DashboardRouterSelectionsSubscription, Selection[]>(
    { query: dashboardRouterSelectionsSubscription },
    (previous = [], event) => [event.routerSelections, ...previous].slice(0, feedLength),
  );
  return (
    <div className="router">
      <h1>Router</h1>
      <section aria-labelledby="feed-heading">
        <h2 id="feed-heading">Live selections</h2>
        {feed.length === 0 ? (
          <Empty>
            No selection since this page opened: the feed fills as the router picks models.
          </Empty>
        ) : (
          <ol className="feed" aria-live="polite">
            {feed.map((selection) => (
              <li key={selection.id} data-selection-id={selection.id}>
                <p className="meta">
                  {formatTime(selection.createdAt)} · {words(selection.taskType)} →{' '}
                  <strong>{selection.model}</strong> (confidence {percent(selection.confidence)}) ·{' '}
                  {selection.status.toLowerCase()} · cost {formatUsd(selection.costUsd)} · quality{' '}
                  {formatNumber(selection.quality)}
                </p>
                <p>{selection.reasoning}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="models-heading">
        <h2 id="models-heading">Models over the window</h2>
        {data ? (
          data.routingStats.length === 0 ? (
            <Empty>No calls routed in the window yet.</Empty>
          ) : (
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">Task type</th>
                  <th scope="col">Calls</th>
                  <th scope="col">Errors</th>
                  <th scope="col">Quality</th>
                  <th scope="col">p95 latency</th>
                  <th scope="col">Cost</th>
                </tr>
              </thead>
              <tbody>
                {data.routingStats.map((row) => (
                  <tr key={`${row.model}/${row.taskType}`}>
                    <td>{row.model}</td>
                    <td>{words(row.taskType)}</td>
                    <td>{row.calls}</td>
                    <td>{percent(row.errorRate)}</td>
                    <td>{formatNumber(row.meanQuality)}</td>
                    <td>
                      {row.latencyP95Ms === null ? '–' : `${formatNumber(row.latencyP95Ms, 0)} ms`}
                    </td>
                    <td>{formatUsd(row.costUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : error ? (
          <ErrorState what="routing statistics" error={error} retry={() => reexecute()} />
        ) : (
          <Loading what="routing statistics" />
        )}
      </section>
    </div>
  );
}
