import { useEffect, useState } from 'react';

/** The dashboard's pages; hash URLs, so the gateway serves one index.html for all of them. */
export type Route =
  | { page: 'organization'; agentId?: string }
  | { page: 'voting'; proposalId?: string }
  | { page: 'router' }
  | { page: 'alerts' };

export function parseRoute(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, '').split('/');
  switch (page) {
    case 'voting':
      return id ? { page, proposalId: decodeURIComponent(id) } : { page };
    case 'router':
    case 'alerts':
      return { page };
    default:
      return id
        ? { page: 'organization', agentId: decodeURIComponent(id) }
        : { page: 'organization' };
  }
}

export const hrefOf = (route: Route): string => {
  const id = 'agentId' in route ? route.agentId : 'proposalId' in route ? route.proposalId : '';
  return `#/${route.page}${id ? `/${encodeURIComponent(id)}` : ''}`;
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
