import { createContext, useContext } from 'react';
import type { ConnectionState } from './live-client.js';

export interface LiveState {
  connection: ConnectionState;
  /** Bumped on every reconnection: pages read their queries again when it changes. */
  epoch: number;
}

export const LiveContext = createContext<LiveState>({ connection: 'connecting', epoch: 0 });

export const useLive = () => useContext(LiveContext);
