import {
  dashboardAlertsQuery,
  dashboardAlertUpdatesSubscription,
  type DashboardAlertFragment,
} from '@daena/sdk';
import { useEffect, useState } from 'react';
import { useSubscription } from 'urql';
import { useFreshQuery } from '../live/use-fresh-query.js';
import { formatNumber, formatTime, words } from '../ui/format.js';
import { Empty, ErrorState, Loading } from '../ui/states.js';
import { ForecastPanel } from './forecast-panel.js';

/** An alert's labels as `name=value` pairs (which service, which model …). */
const labelsOf = (labels: Record<string, unknown>) =>
  Object.entries(labels)
    .filter(([name]) => name !== 'alertname' && name !== 'severity')
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(', ');

/** Active alerts (live through alertUpdates) and the design document's KPIs against targets. */
export function AlertsPage() {
  const [{ data, error }, reexecute] = useFreshQuery({ query: dashboardAlertsQuery });
  const [updates, setUpdates] = useState<ReadonlyMap<string, DashboardAlertFragment>>(new Map());
  useEffect(() => setUpdates(new Map()), [data]);
  useSubscription({ query: dashboardAlertUpdatesSubscription }, (_previous, event) => {
    const { alert } = event.alertUpdates;
    setUpdates((current) => new Map(current).set(alert.id, alert));
    return event;
  });
  if (!data) {
    return error ? (
      <ErrorState what="alerts and KPIs" error={error} retry={() => reexecute()} />
    ) : (
      <Loading what="alerts and KPIs" />
    );
  }
  const alerts = [...new Map([...data.alerts, ...updates.values()].map((a) => [a.id, a])).values()]
    .filter((alert) => alert.state !== 'RESOLVED')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <div className="alerts">
      <h1>Alerts and KPIs</h1>
      <section aria-labelledby="active-heading">
        <h2 id="active-heading">Active alerts</h2>
        {alerts.length === 0 ? (
          <Empty>No alert is pending or firing.</Empty>
        ) : (
          <ul className="alert-list">
            {alerts.map((alert) => (
              <li key={alert.id} className={`alert alert-${alert.severity.toLowerCase()}`}>
                <strong>{alert.rule}</strong> {labelsOf(alert.labels)} ·{' '}
                {alert.severity.toLowerCase()} · {alert.state.toLowerCase()} · value{' '}
                {formatNumber(alert.value)} · since {formatTime(alert.activeAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="forecast-heading">
        <h2 id="forecast-heading">Forecasts, an hour ahead</h2>
        <div className="forecasts">
          <ForecastPanel title="LLM spend (USD/s)" metric="sum(rate(router_cost_usd_total[5m]))" />
          <ForecastPanel
            title="API requests (per s)"
            metric="sum(rate(graphql_requests_total[5m]))"
          />
        </div>
      </section>
      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading">KPIs</h2>
        {data.kpis.length === 0 ? (
          <Empty>No KPI is defined.</Empty>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col">Value</th>
                <th scope="col">Target</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {data.kpis.map((kpi) => (
                <tr key={kpi.name} data-kpi-status={kpi.status}>
                  <td>{kpi.name}</td>
                  <td>
                    {kpi.value === null || kpi.value === undefined
                      ? 'no data yet'
                      : `${formatNumber(kpi.value)} ${kpi.unit}`}
                  </td>
                  <td>
                    {kpi.goal === 'BELOW' ? '≤' : '≥'} {formatNumber(kpi.target)} {kpi.unit}
                  </td>
                  <td>{words(kpi.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
