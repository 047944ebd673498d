import {
  dashboardAgentActivitySubscription,
  dashboardOrganizationQuery,
  type AgentStatus,
  type DashboardAgentActivitySubscription,
} from '@daena/sdk';
import { useCallback, useEffect, useState } from 'react';
import { useSubscription } from 'urql';
import { useFreshQuery } from '../live/use-fresh-query.js';
import { ErrorState, Loading } from '../ui/states.js';
import { AgentPanel } from './agent-panel.js';
import { Honeycomb, StatusLegend } from './honeycomb.js';
import { useDepartmentZoom } from './use-department-zoom.js';

type Activity = DashboardAgentActivitySubscription['agentActivity'];

/** The honeycomb, recoloured live by agentActivity, with the chosen agent's panel. */
export function OrganizationPage({ agentId }: { agentId: string | undefined }) {
  const [{ data, error, fetching }, reexecute] = useFreshQuery({
    query: dashboardOrganizationQuery,
  });
  // The latest activity per agent since the organization was read.
  const [activity, setActivity] = useState<ReadonlyMap<string, Activity>>(new Map());
  useEffect(() => setActivity(new Map()), [data]);
  useSubscription({ query: dashboardAgentActivitySubscription }, (_previous, event) => {
    setActivity((current) => new Map(current).set(event.agentActivity.id, event.agentActivity));
    return event;
  });
  const statusOf = useCallback(
    (id: string, fallback: AgentStatus) => activity.get(id)?.status ?? fallback,
    [activity],
  );
  const organization = data?.organization;
  const { pane, zoomed, zoomIn, zoomOut } = useDepartmentZoom(organization, agentId);
  const agentCount = organization?.departments.reduce((n, d) => n + d.agents.length, 0) ?? 0;
  return (
    <div className="organization">
      <section className="honeycomb-pane" aria-labelledby="organization-heading" ref={pane}>
        <h1 id="organization-heading">Organization</h1>
        {organization ? (
          <>
            <p className="summary">
              {agentCount} agents in {organization.departments.length} departments
            </p>
            {zoomed && (
              // Focused as it appears: the cell that was picked is gone.
              <button type="button" onClick={zoomOut} autoFocus>
                Show all departments
              </button>
            )}
            <Honeycomb
              organization={organization}
              statusOf={statusOf}
              selectedId={agentId}
              zoomedId={zoomed}
              onZoom={zoomIn}
            />
            <StatusLegend />
          </>
        ) : error ? (
          <ErrorState
            what="the organization"
            error={error}
            retry={() => reexecute({ requestPolicy: 'network-only' })}
          />
        ) : (
          fetching && <Loading what="the organization" />
        )}
      </section>
      {agentId && <AgentPanel key={agentId} id={agentId} liveStatus={activity.get(agentId)} />}
    </div>
  );
}
