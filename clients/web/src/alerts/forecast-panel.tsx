import { dashboardForecastQuery, type DashboardForecastQuery } from '@daena/sdk';
import type { CombinedError } from 'urql';
import { useFreshQuery } from '../live/use-fresh-query.js';
import { formatNumber, formatTime, words } from '../ui/format.js';
import { Empty, ErrorState, Loading } from '../ui/states.js';

type Series = DashboardForecastQuery['forecast'][number];

/** The metrics subgraph's answer for a series it never stored: nothing to forecast, no failure. */
const neverStored = (error: CombinedError) =>
  error.graphQLErrors.some((e) => e.extensions?.['reason'] === 'UNKNOWN_METRIC');

/** An hour ahead in 5-minute steps: the rule files' forecast resolution. */
const horizonSeconds = 3600;
const stepSeconds = 300;

/** One series forecast an hour ahead: the value at the horizon with its 95% band, drawn. */
export function ForecastPanel({ title, metric }: { title: string; metric: string }) {
  const [{ data, error }] = useFreshQuery({
    query: dashboardForecastQuery,
    variables: { metric, horizon: horizonSeconds, step: stepSeconds },
  });
  return (
    <section className="forecast" aria-label={`Forecast: ${title}`}>
      <h3>{title}</h3>
      {data ? (
        data.forecast.length === 0 ? (
          <Empty>Not enough history to forecast yet.</Empty>
        ) : (
          data.forecast.map((series, index) => <SeriesForecast key={index} series={series} />)
        )
      ) : error && neverStored(error) ? (
        <Empty>No history of this series yet: its forecast starts once it is recorded.</Empty>
      ) : error ? (
        <ErrorState what="the forecast" error={error} />
      ) : (
        <Loading what="the forecast" />
      )}
    </section>
  );
}

function SeriesForecast({ series }: { series: Series }) {
  const last = series.points.at(-1);
  if (!last) return <Empty>No forecast points.</Empty>;
  const low = Math.min(...series.points.map((p) => p.lower));
  const high = Math.max(...series.points.map((p) => p.upper));
  const x = (i: number) => (i / Math.max(1, series.points.length - 1)) * 100;
  const y = (v: number) => (high === low ? 20 : 38 - ((v - low) / (high - low)) * 36);
  const band = [
    ...series.points.map((p, i) => `${x(i)},${y(p.upper)}`),
    ...series.points.map((p, i) => `${x(i)},${y(p.lower)}`).reverse(),
  ].join(' ');
  const line = series.points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ');
  const summary = `${formatNumber(last.value, 4)} at ${formatTime(last.at)} (95% interval ${formatNumber(last.lower, 4)} to ${formatNumber(last.upper, 4)}); ${words(series.method)} on ${series.historyPoints} past points`;
  return (
    <figure>
      <svg
        className="forecast-chart"
        viewBox="0 0 100 40"
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        <polygon points={band} className="forecast-band" />
        <polyline points={line} className="forecast-line" />
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
