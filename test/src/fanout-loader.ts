import { Role, signToken } from '@daena/platform';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** One loader process's share of the fan-out bench's subscribers (test/bench/fanout.ts). */
export interface LoaderTask {
  wsUrl: string;
  proposalId: string;
  /** Subscriber numbers [from, to): distinct tokens are named after them. */
  from: number;
  to: number;
  tokens: 'shared' | 'distinct';
  secret: string;
}

export interface LoaderReport {
  delivered: number;
  duplicates: number;
  outOfOrder: number;
  errors: number;
  /** The distinct error messages received (at most 5), to tell why payloads failed. */
  errorMessages: string[];
  /** The votes seen, by the number the receipts use. */
  voteIds: string[];
  /** Pairs (vote number, receipt time in ms of process.hrtime), flattened. */
  receipts: Float64Array;
  /** CPU this loader used from "ready" to "finish" (ms): what the clients cost the machine. */
  cpuMs: number;
}

/** The selection: counts, the last vote (sealed: no choice) and a cross-subgraph field. */
const query = `subscription ($id: ID!) {
  voteTally(proposalId: $id) {
    executiveVotes votes stakeholders participation blind
    lastVote { id voterKind }
    proposal { title department { name } }
  }
}`;

interface Payload {
  voteTally?: { executiveVotes: number; lastVote: { id: string } | null };
}

/** Sockets are opened in batches so the gateway's accept queue is not flooded at once. */
const connectBatch = 250;

/**
 * Runs in a child process: opens one graphql-ws client (one socket) per subscriber, records every
 * receipt, and answers the parent's "count" and "finish" messages over IPC.
 */
export async function runLoader(task: LoaderTask): Promise<void> {
  const send = (kind: string, value?: unknown) => process.send?.({ kind, value });
  const voteNumbers = new Map<string, number>();
  const receipts: number[] = [];
  const report = { delivered: 0, duplicates: 0, outOfOrder: 0, errors: 0 };
  const errorMessages = new Set<string>();
  const failed = (message: string) => {
    report.errors++;
    if (errorMessages.size < 5) errorMessages.add(message);
  };
  const shared = await token(task, 'shared');
  const clients: Client[] = [];
  for (let batch = task.from; batch < task.to; batch += connectBatch) {
    const end = Math.min(task.to, batch + connectBatch);
    const connecting: Promise<void>[] = [];
    for (let n = batch; n < end; n++) {
      const bearer = task.tokens === 'shared' ? shared : await token(task, `viewer-${n}`);
      let connected: () => void = () => undefined;
      connecting.push(new Promise<void>((resolve) => (connected = resolve)));
      const client = createClient({
        url: task.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${bearer}` },
        retryAttempts: 0,
        on: { connected: () => connected() },
      });
      clients.push(client);
      const seen = new Set<string>();
      let last = 0;
      client.subscribe<Payload>(
        { query, variables: { id: task.proposalId } },
        {
          next: (result) => {
            const tally = result.data?.voteTally;
            const voteId = tally?.lastVote?.id;
            if (result.errors || !tally || !voteId) {
              return failed(result.errors?.[0]?.message ?? 'no tally');
            }
            if (seen.has(voteId)) return void report.duplicates++;
            seen.add(voteId);
            report.delivered++;
            if (tally.executiveVotes <= last) report.outOfOrder++;
            last = Math.max(last, tally.executiveVotes);
            let number = voteNumbers.get(voteId);
            if (number === undefined) voteNumbers.set(voteId, (number = voteNumbers.size));
            receipts.push(number, Number(process.hrtime.bigint()) / 1e6);
          },
          error: (error) => failed(error instanceof Error ? error.message : JSON.stringify(error)),
          complete: () => undefined,
        },
      );
    }
    await Promise.all(connecting);
  }
  send('ready');
  const cpuAtReady = process.cpuUsage();
  process.on('message', (message: string) => {
    if (message === 'count') send('count', report.delivered);
    if (message !== 'finish') return;
    const voteIds = [...voteNumbers.keys()];
    const cpu = process.cpuUsage(cpuAtReady);
    const value = {
      cpuMs: (cpu.user + cpu.system) / 1000,
      ...report,
      errorMessages: [...errorMessages],
      voteIds,
      receipts: Float64Array.from(receipts),
    };
    // Exits once the report is handed to the IPC channel and every socket is closed.
    process.send?.({ kind: 'report', value }, () => {
      void Promise.all(clients.map((client) => client.dispose())).then(() => process.exit(0));
    });
  });
}

function token(task: LoaderTask, sub: string): Promise<string> {
  return signToken(task.secret, { sub: `fanout-${sub}`, roles: [Role.VIEWER] });
}
