import type { AgentStatus, DashboardOrganizationQuery } from '@daena/sdk';
import type { KeyboardEvent } from 'react';
import { hrefOf } from '../route.js';
import { words } from '../ui/format.js';
import { agentStatusStyle, dashedStatuses } from './agent-status.js';
import { hexagonPoints } from './honeycomb-layout.js';

type Department = DashboardOrganizationQuery['organization']['departments'][number];

/** A seat's radius in the layout's units (seats are ~12 apart: the agents subgraph's sunflower). */
const seatRadius = 7;

/**
 * One department's hexagon and its agents' seats, each a link to the agent's panel, filled by
 * its status. With `onZoom` the cell itself is the target, a button that brings it up close, and
 * its seats, too small to touch from afar, are only drawn (issue 20: WCAG 2.5.8).
 */
export function DepartmentCell({
  department,
  radius,
  statusOf,
  selectedId,
  onZoom,
}: {
  department: Department;
  radius: number;
  statusOf(agentId: string, fallback: AgentStatus): AgentStatus;
  selectedId: string | undefined;
  onZoom?: ((departmentId: string) => void) | undefined;
}) {
  const zoom = onZoom && (() => onZoom(department.id));
  const onKeyDown = (event: KeyboardEvent) => {
    if (zoom && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      zoom();
    }
  };
  return (
    <g
      className="cell"
      data-department-id={department.id}
      {...(zoom && {
        role: 'button',
        tabIndex: 0,
        'aria-label': `${department.name}: show its ${department.agents.length} agents up close`,
        onClick: zoom,
        onKeyDown,
      })}
    >
      <polygon points={hexagonPoints(department.position, radius)} />
      <text
        className="cell-name"
        x={department.position.x}
        y={department.position.y - radius - 4}
        textAnchor="middle"
      >
        {department.name}
      </text>
      {department.agents.map((agent) => {
        const status = statusOf(agent.id, agent.status);
        const style = agentStatusStyle[status];
        const seat = (
          <circle
            className="seat"
            cx={agent.position.x}
            cy={agent.position.y}
            r={seatRadius}
            fill={style.fill}
            strokeDasharray={dashedStatuses.has(status) ? '3 2' : undefined}
          />
        );
        return zoom ? (
          <g key={agent.id} data-agent-id={agent.id} data-status={status}>
            {seat}
          </g>
        ) : (
          <a
            key={agent.id}
            href={hrefOf({ page: 'organization', agentId: agent.id })}
            data-agent-id={agent.id}
            data-status={status}
            aria-label={`${agent.name}, ${words(agent.role)} in ${department.name}: ${style.label}`}
            aria-current={agent.id === selectedId ? 'true' : undefined}
          >
            {seat}
          </a>
        );
      })}
    </g>
  );
}
