import { useEffect, useMemo, useRef, useState } from 'react';
import { Provider } from 'urql';
import { AlertsPage } from './alerts/alerts-page.js';
import { createLiveClient, type ConnectionState, type LiveClient } from './live/live-client.js';
import { LiveContext } from './live/live-context.js';
import { OrganizationPage } from './organization/organization-page.js';
import { hrefOf, useRoute, type Route } from './route.js';
import { RouterPage } from './router/router-page.js';
import { claimsOf } from './session/session.js';
import { ProposalPage } from './voting/proposal-page.js';
import { ProposalsPage } from './voting/proposals-page.js';

const pages: { page: Route['page']; label: string }[] = [
  { page: 'organization', label: 'Organization' },
  { page: 'voting', label: 'Voting' },
  { page: 'router', label: 'Router' },
  { page: 'alerts', label: 'Alerts and KPIs' },
];

const connectionLabels: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected: reload the page',
};

export function Dashboard({
  token,
  onSignOut,
}: {
  token: string;
  onSignOut(reason?: string): void;
}) {
  const route = useRoute();
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [epoch, setEpoch] = useState(0);
  const signOut = useRef(onSignOut);
  signOut.current = onSignOut;
  const [live, setLive] = useState<LiveClient | null>(null);
  // Made in an effect, so the socket is closed when the token changes or the page goes.
  useEffect(() => {
    const client = createLiveClient(token, {
      onState: setConnection,
      onReconnected: () => setEpoch((value) => value + 1),
      onUnauthenticated: (message) => signOut.current(`The gateway refused the token: ${message}`),
    });
    setLive(client);
    return client.dispose;
  }, [token]);
  const claims = claimsOf(token);
  const liveState = useMemo(() => ({ connection, epoch }), [connection, epoch]);
  if (!live) return null;
  return (
    <Provider value={live.client}>
      <LiveContext.Provider value={liveState}>
        <header className="top">
          <a className="brand" href="#/organization">
            Daena
          </a>
          <nav aria-label="Pages">
            <ul>
              {pages.map(({ page, label }) => (
                <li key={page}>
                  <a
                    href={hrefOf({ page })}
                    aria-current={route.page === page ? 'page' : undefined}
                  >
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <p
            className={`connection connection-${connection}`}
            role="status"
            data-connection={connection}
          >
            {connectionLabels[connection]}
          </p>
          <p className="who">{claims?.sub ?? 'signed in'}</p>
          <button type="button" onClick={() => onSignOut()}>
            Sign out
          </button>
        </header>
        <main id="main">
          <CurrentPage route={route} />
        </main>
      </LiveContext.Provider>
    </Provider>
  );
}

function CurrentPage({ route }: { route: Route }) {
  switch (route.page) {
    case 'organization':
      return <OrganizationPage agentId={route.agentId} />;
    case 'voting':
      return route.proposalId ? (
        <ProposalPage key={route.proposalId} id={route.proposalId} />
      ) : (
        <ProposalsPage />
      );
    case 'router':
      return <RouterPage />;
    case 'alerts':
      return <AlertsPage />;
  }
}
