import {
  dashboardRouterSelectionsSubscription,
  dashboardRoutingStatsQuery,
  type DashboardRouterSelectionsSubscription,
} from '@daena/sdk';
import { useCallback, useEffect } from 'react';
import { useSubscription } from 'urql';
import { useFreshQuery } from '../live/use-fresh-query.js';
import { useThrottledRefresh } from '../live/use-throttled-refresh.js';
import { formatNumber, formatTime, formatUsd, percent, words } from '../ui/format.js';
import { Empty, ErrorState, Loading } from '../ui/states.js';
import { useStableOrder } from '../ui/use-stable-order.js';
import { RoutingStatsTable, rowKey } from './routing-stats-table.js';

type Selection = DashboardRouterSelectionsSubscription['routerSelections'];

/** How many selections the feed keeps (newest first). */
const feedLength = 20;

/**
 * How long after a selection the table is read again, and how often at most: the offline model
 * and a loopback call end well within it; a slower call is counted at the next read.
 */
const statsRefreshMs = 3_000;

/** The router: quality, latency and cost per model, and each selection live with its reasoning. */
export function RouterPage() {
  const [{ data, error }, reexecute] = useFreshQuery({ query: dashboardRoutingStatsQuery });
  const [{ data: feed = [] }] = useSubscription<DashboardRouterSelectionsSubscription, Selection[]>(
    { query: dashboardRouterSelectionsSubscription },
    (previous = [], event) => [event.routerSelections, ...previous].slice(0, feedLength),
  );
  // New selections change the figures: read the table again, throttled (issue 20: it was read
  // once). The read trails each selection, as a call is counted when it ends, not when selected.
  const selectionsArrived = useThrottledRefresh(
    useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]),
    statsRefreshMs,
  );
  // A model or task type new to the table goes last: the rows on screen stay put.
  const rows = useStableOrder(data?.routingStats, rowKey);
  const newest = feed[0]?.id;
  useEffect(() => {
    if (newest) selectionsArrived();
  }, [newest, selectionsArrived]);
  return (
    <div className="router">
      <h1>Router</h1>
      <section aria-labelledby="models-heading">
        <h2 id="models-heading">Models over the window</h2>
        {data ? (
          rows.length === 0 ? (
            <Empty>No calls routed in the window yet.</Empty>
          ) : (
            <RoutingStatsTable rows={rows} />
          )
        ) : error ? (
          <ErrorState what="routing statistics" error={error} retry={() => reexecute()} />
        ) : (
          <Loading what="routing statistics" />
        )}
      </section>
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
    </div>
  );
}
