import type { AgentStatus } from '@daena/sdk';

/**
 * Each status's colour and label. The fills keep 3:1 against the page (WCAG 1.4.11) and a
 * paused or failed agent is also drawn with a dashed ring, so colour is not the only signal.
 */
export const agentStatusStyle: Record<AgentStatus, { fill: string; label: string }> = {
  IDLE: { fill: '#1a7f37', label: 'Idle' },
  WORKING: { fill: '#0969da', label: 'Working' },
  WAITING_FOR_CONSENSUS: { fill: '#9a6700', label: 'Waiting for consensus' },
  PAUSED: { fill: '#6e7781', label: 'Paused' },
  ERROR: { fill: '#cf222e', label: 'Error' },
};

export const dashedStatuses: ReadonlySet<AgentStatus> = new Set(['PAUSED', 'ERROR']);
