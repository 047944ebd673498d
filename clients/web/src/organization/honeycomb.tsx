import type { AgentStatus, DashboardOrganizationQuery } from '@daena/sdk';
import { hrefOf } from '../route.js';
import { words } from '../ui/format.js';
import { agentStatusStyle, dashedStatuses } from './agent-status.js';
import { hexagonPoints, reach, viewBoxAround } from './honeycomb-layout.js';

type Organization = DashboardOrganizationQuery['organization'];

/** Seat and cell sizes in the layout's units (departments are ~100 apart, seats ~12). */
const seatRadius = 7;
const cellPadding = 14;
const hubRadius = 34;

/**
 * The organization as the agents subgraph lays it out: the hub, one hexagonal cell per
 * department and one seat per agent, each seat a link to the agent's panel, filled by its status.
 */
export function Honeycomb({
  organization,
  statusOf,
  selectedId,
}: {
  organization: Organization;
  statusOf(agentId: string, fallback: AgentStatus): AgentStatus;
  selectedId: string | undefined;
}) {
  const points = organization.departments.flatMap((d) => [
    d.position,
    ...d.agents.map((a) => a.position),
  ]);
  const cellRadius =
    Math.max(
      0,
      ...organization.departments.map((d) =>
        reach(
          d.position,
          d.agents.map((a) => a.position),
        ),
      ),
    ) + cellPadding;
  const { hub } = organization;
  return (
    <svg
      className="honeycomb"
      viewBox={viewBoxAround([hub.position, ...points], cellRadius + 16)}
      role="group"
      aria-label={`The honeycomb: ${organization.departments.length} departments around the hub`}
    >
      <g className="hub">
        <polygon points={hexagonPoints(hub.position, hubRadius)} />
        <text x={hub.position.x} y={hub.position.y + 3} textAnchor="middle">
          {hub.name}
        </text>
      </g>
      {organization.departments.map((department) => (
        <g key={department.id} className="cell" data-department-id={department.id}>
          <polygon points={hexagonPoints(department.position, cellRadius)} />
          <text
            className="cell-name"
            x={department.position.x}
            y={department.position.y - cellRadius - 4}
            textAnchor="middle"
          >
            {department.name}
          </text>
          {department.agents.map((agent) => {
            const status = statusOf(agent.id, agent.status);
            const style = agentStatusStyle[status];
            return (
              <a
                key={agent.id}
                href={hrefOf({ page: 'organization', agentId: agent.id })}
                data-agent-id={agent.id}
                data-status={status}
                aria-label={`${agent.name}, ${words(agent.role)} in ${department.name}: ${style.label}`}
                aria-current={agent.id === selectedId ? 'true' : undefined}
              >
                <circle
                  className="seat"
                  cx={agent.position.x}
                  cy={agent.position.y}
                  r={seatRadius}
                  fill={style.fill}
                  strokeDasharray={dashedStatuses.has(status) ? '3 2' : undefined}
                />
              </a>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

/** The status colours, in words. */
export function StatusLegend() {
  return (
    <ul className="legend" aria-label="Agent status colours">
      {Object.entries(agentStatusStyle).map(([status, style]) => (
        <li key={status}>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="6" fill={style.fill} />
          </svg>
          {style.label}
        </li>
      ))}
    </ul>
  );
}
