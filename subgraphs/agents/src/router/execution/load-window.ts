import type { LoadState, ModelSpec } from '../domain/contracts.js';

/** Provider rate limits are per minute (OpenAI's RPM and TPM). */
const WINDOW_MS = 60_000;

/** What a started request must report when it ends. */
export interface LoadTicket {
  /** Replaces the estimate with the tokens the call really used, and ends the in-flight count. */
  finish(actualTokens: number): void;
}

/**
 * One model's use over a sliding 60-second window: requests and tokens counted when a request
 * starts (as providers count them), corrected to the real token count when it ends, plus the
 * requests in flight. The clock is injected.
 */
export class LoadWindow {
  private readonly entries: { at: number; tokens: number }[] = [];
  private inFlight = 0;
  /** The other replicas' use of the same model, as they last reported it (`LoadWindows.setPeers`). */
  peers: LoadState = idle;

  constructor(private readonly clock: () => number) {}

  /** This replica's use and its peers' together: provider limits hold for all of them at once. */
  state(): LoadState {
    const own = this.ownState();
    return {
      requestsLastMinute: own.requestsLastMinute + this.peers.requestsLastMinute,
      tokensLastMinute: own.tokensLastMinute + this.peers.tokensLastMinute,
      inFlight: own.inFlight + this.peers.inFlight,
    };
  }

  /** This replica's use alone: what it reports to its peers. */
  ownState(): LoadState {
    this.prune();
    return {
      requestsLastMinute: this.entries.length,
      tokensLastMinute: this.entries.reduce((sum, entry) => sum + entry.tokens, 0),
      inFlight: this.inFlight,
    };
  }

  /** Whether one more request of `tokens` would go over the model's per-minute limits. */
  wouldExceed(
    limits: Pick<ModelSpec, 'requestsPerMinute' | 'tokensPerMinute'>,
    tokens: number,
  ): boolean {
    const { requestsLastMinute, tokensLastMinute } = this.state();
    if (limits.requestsPerMinute !== null && requestsLastMinute + 1 > limits.requestsPerMinute) {
      return true;
    }
    return limits.tokensPerMinute !== null && tokensLastMinute + tokens > limits.tokensPerMinute;
  }

  start(estimatedTokens: number): LoadTicket {
    const entry = { at: this.clock(), tokens: estimatedTokens };
    this.entries.push(entry);
    this.inFlight += 1;
    let finished = false;
    return {
      finish: (actualTokens) => {
        if (finished) return;
        finished = true;
        entry.tokens = actualTokens;
        this.inFlight -= 1;
      },
    };
  }

  private prune(): void {
    const since = this.clock() - WINDOW_MS;
    let stale = 0;
    while ((this.entries[stale]?.at ?? Infinity) <= since) stale++;
    if (stale > 0) this.entries.splice(0, stale);
  }
}

/** One load window per model, made on first use. */
export class LoadWindows {
  private readonly byModel = new Map<string, LoadWindow>();

  constructor(private readonly clock: () => number) {}

  get(model: string): LoadWindow {
    let window = this.byModel.get(model);
    if (!window) {
      window = new LoadWindow(this.clock);
      this.byModel.set(model, window);
    }
    return window;
  }

  state(model: string): LoadState {
    return this.get(model).state();
  }

  /** This replica's own use per model, as `[requests, tokens, inFlight]` (for its peers). */
  ownGauges(): Map<string, number[]> {
    const gauges = new Map<string, number[]>();
    for (const [model, window] of this.byModel) {
      const own = window.ownState();
      gauges.set(model, [own.requestsLastMinute, own.tokensLastMinute, own.inFlight]);
    }
    return gauges;
  }

  /** The other replicas' use per model, `[requests, tokens, inFlight]`; models absent are idle. */
  setPeers(peers: ReadonlyMap<string, readonly number[]>): void {
    for (const [model, window] of this.byModel) if (!peers.has(model)) window.peers = idle;
    for (const [model, [requests = 0, tokens = 0, inFlight = 0]] of peers) {
      this.get(model).peers = {
        requestsLastMinute: requests,
        tokensLastMinute: tokens,
        inFlight,
      };
    }
  }
}

const idle: LoadState = { requestsLastMinute: 0, tokensLastMinute: 0, inFlight: 0 };
