import type { DashboardRoutingStatsQuery } from '@daena/sdk';
import { formatNumber, formatUsd, percent, words } from '../ui/format.js';

export type ModelRow = DashboardRoutingStatsQuery['routingStats'][number];

export const rowKey = (row: ModelRow) => `${row.model}/${row.taskType}`;

/**
 * Quality, latency and cost per (model, task type) over the router's window. Its figures change
 * live: its columns keep their widths whatever they hold (`figures` in styles.css).
 */
export function RoutingStatsTable({ rows }: { rows: readonly ModelRow[] }) {
  return (
    <div className="table-scroll">
      <table className="list figures">
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
          {rows.map((row) => (
            <tr key={rowKey(row)} data-model={row.model} data-task-type={row.taskType}>
              <td>{row.model}</td>
              <td>{words(row.taskType)}</td>
              <td data-column="calls">{row.calls}</td>
              <td>{percent(row.errorRate)}</td>
              <td>{formatNumber(row.meanQuality)}</td>
              <td>{row.latencyP95Ms === null ? '–' : `${formatNumber(row.latencyP95Ms, 0)} ms`}</td>
              <td>{formatUsd(row.costUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
