import type { AgentStatus, DashboardOrganizationQuery } from '@daena/sdk';
import { agentStatusStyle } from './agent-status.js';
import { DepartmentCell } from './department-cell.js';
import { hexagonPoints, reach, viewBoxAround } from './honeycomb-layout.js';

type Organization = DashboardOrganizationQuery['organization'];

/** Cell sizes in the layout's units (departments are ~100 apart, seats ~12). */
const cellPadding = 14;
const hubRadius = 34;
const margin = 16;

/**
 * The organization as the agents subgraph lays it out: the hub and one hexagonal cell per
 * department with its agents' seats. With `zoomedId` only that department's cell is in view, up
 * close; with `onZoom` the cells are what a pointer picks (see DepartmentCell).
 */
export function Honeycomb({
  organization,
  statusOf,
  selectedId,
  zoomedId,
  onZoom,
}: {
  organization: Organization;
  statusOf(agentId: string, fallback: AgentStatus): AgentStatus;
  selectedId: string | undefined;
  zoomedId?: string | undefined;
  onZoom?: ((departmentId: string) => void) | undefined;
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
  const zoomed = organization.departments.find((d) => d.id === zoomedId);
  return (
    <svg
      className={`honeycomb${onZoom ? ' honeycomb-overview' : ''}`}
      viewBox={
        zoomed
          ? viewBoxAround([zoomed.position], cellRadius + margin)
          : viewBoxAround([hub.position, ...points], cellRadius + margin)
      }
      role="group"
      aria-label={
        zoomed
          ? `The ${zoomed.name} cell of the honeycomb, up close`
          : `The honeycomb: ${organization.departments.length} departments around the hub`
      }
      data-zoomed={zoomed?.id}
    >
      <g className="hub">
        <polygon points={hexagonPoints(hub.position, hubRadius)} />
        <text x={hub.position.x} y={hub.position.y + 3} textAnchor="middle">
          {hub.name}
        </text>
      </g>
      {organization.departments.map((department) => (
        <DepartmentCell
          key={department.id}
          department={department}
          radius={cellRadius}
          statusOf={statusOf}
          selectedId={selectedId}
          onZoom={onZoom}
        />
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
