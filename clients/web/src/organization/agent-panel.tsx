import {
  dashboardAgentQuery,
  dashboardPauseAgentMutation,
  dashboardResumeAgentMutation,
  type DashboardAgentActivitySubscription,
} from '@daena/sdk';
import { useMutation } from 'urql';
import { useFreshQuery } from '../live/use-fresh-query.js';
import { formatTime, formatUsd, percent, words } from '../ui/format.js';
import { Empty, ErrorState, Loading } from '../ui/states.js';
import { agentStatusStyle } from './agent-status.js';

type Activity = DashboardAgentActivitySubscription['agentActivity'];

/** One agent: its live state, pause/resume, its recent messages and its tasks with their runs. */
export function AgentPanel({ id, liveStatus }: { id: string; liveStatus: Activity | undefined }) {
  const [{ data, error }, reexecute] = useFreshQuery({
    query: dashboardAgentQuery,
    variables: { id },
  });
  const [pausing, pause] = useMutation(dashboardPauseAgentMutation);
  const [resuming, resume] = useMutation(dashboardResumeAgentMutation);
  const agent = data?.agent;
  if (!data) {
    return (
      <aside className="panel" aria-label="Agent">
        {error ? (
          <ErrorState what="the agent" error={error} retry={() => reexecute()} />
        ) : (
          <Loading what="the agent" />
        )}
      </aside>
    );
  }
  if (!agent) {
    return (
      <aside className="panel" aria-label="Agent">
        <Empty>No agent has this id.</Empty>
      </aside>
    );
  }
  const live = liveStatus && liveStatus.version >= agent.version ? liveStatus : agent;
  const paused = live.status === 'PAUSED';
  const toggle = () =>
    (paused ? resume : pause)({ id: agent.id, version: live.version }).then(() =>
      reexecute({ requestPolicy: 'network-only' }),
    );
  const failure = pausing.error ?? resuming.error;
  return (
    <aside className="panel" aria-labelledby="agent-heading">
      <h2 id="agent-heading">{agent.name}</h2>
      <dl className="facts">
        <dt>Role</dt>
        <dd>{words(agent.role)}</dd>
        <dt>Department</dt>
        <dd>{agent.department.name}</dd>
        <dt>State</dt>
        <dd data-testid="agent-state">{agentStatusStyle[live.status].label}</dd>
        <dt>Current task</dt>
        <dd>{live.currentTask ?? 'none'}</dd>
        <dt>Load</dt>
        <dd>{percent(live.load)}</dd>
        <dt>Budget used</dt>
        <dd>{formatUsd(agent.budgetUsedUsd)}</dd>
      </dl>
      <button type="button" onClick={toggle} disabled={pausing.fetching || resuming.fetching}>
        {paused ? 'Resume agent' : 'Pause agent'}
      </button>
      {failure && <ErrorState what={paused ? 'resume' : 'pause'} error={failure} />}
      <h3>Recent messages</h3>
      {data.agentInbox.nodes.length === 0 ? (
        <Empty>No messages yet.</Empty>
      ) : (
        <ul className="messages">
          {data.agentInbox.nodes.map((message) => (
            <li key={message.id}>
              <span className="meta">
                {formatTime(message.sentAt)} · {message.from.name} · {words(message.topic)}
              </span>
              {message.body}
            </li>
          ))}
        </ul>
      )}
      <h3>Tasks</h3>
      {data.tasks.length === 0 ? (
        <Empty>No tasks assigned.</Empty>
      ) : (
        <ul className="tasks">
          {data.tasks.map((task) => (
            <li key={task.id}>
              {task.title} · {words(task.status)} · {task.runs.length} run
              {task.runs.length === 1 ? '' : 's'}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
