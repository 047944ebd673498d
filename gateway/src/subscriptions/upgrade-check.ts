import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Logger } from '@daena/platform';

export interface UpgradeRefusal {
  status: number;
  message: string;
  headers: OutgoingHttpHeaders;
}

/** ws's verifyClient from an admission check: a refusal is answered as plain HTTP. */
export function upgradeCheck(
  admit: (request: IncomingMessage) => Promise<UpgradeRefusal | null>,
  log: Logger,
) {
  return (
    info: { req: IncomingMessage },
    callback: (
      ok: boolean,
      status?: number,
      message?: string,
      headers?: OutgoingHttpHeaders,
    ) => void,
  ) => {
    admit(info.req).then(
      (refusal) =>
        refusal
          ? callback(false, refusal.status, refusal.message, refusal.headers)
          : callback(true),
      (error: unknown) => {
        log.error({ err: error }, 'WebSocket admission check failed');
        callback(false, 500, 'Internal Server Error');
      },
    );
  };
}
