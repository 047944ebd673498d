import type { CircuitState, HealthState, ProviderErrorKind } from '../domain/contracts.js';
import { COUNTS_AGAINST_CIRCUIT } from './error-recovery.js';

export interface CircuitBreakerOptions {
  /** Opens after this many consecutive failures. */
  readonly consecutiveFailures: number;
  /** …or when the failure rate over `windowMs` exceeds this, with at least `minCalls` calls. */
  readonly failureRate: number;
  readonly minCalls: number;
  readonly windowMs: number;
  /** How long an open circuit stays open before letting one probe through. */
  readonly coolDownMs: number;
}

/** Resilience4j's defaults scaled to LLM traffic: half of at least 10 calls in a minute. */
export const DEFAULT_CIRCUIT_BREAKER: CircuitBreakerOptions = {
  consecutiveFailures: 5,
  failureRate: 0.5,
  minCalls: 10,
  windowMs: 60_000,
  coolDownMs: 30_000,
};

/**
 * One model's circuit (Nygard, "Release It!", 2007): closed lets calls through; open refuses
 * them for a cool-down; then half-open lets exactly one probe through, whose success closes the
 * circuit and whose failure opens it again. Only the provider's faults count
 * (`COUNTS_AGAINST_CIRCUIT`). The clock is injected; nothing here sets a timer.
 */
export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private openedAt = 0;
  private consecutive = 0;
  private probeInFlight = false;
  private readonly calls: { at: number; failed: boolean }[] = [];

  constructor(
    private readonly clock: () => number,
    private readonly options: CircuitBreakerOptions = DEFAULT_CIRCUIT_BREAKER,
  ) {}

  /** The state now (an open circuit past its cool-down reads as half-open). */
  get circuit(): CircuitState {
    if (this.state === 'open' && this.clock() - this.openedAt >= this.options.coolDownMs) {
      return 'half-open';
    }
    return this.state;
  }

  health(): HealthState {
    this.prune();
    const failed = this.calls.filter((call) => call.failed).length;
    return {
      circuit: this.circuit,
      recentErrorRate: this.calls.length === 0 ? 0 : failed / this.calls.length,
    };
  }

  /** Whether a call may go through now; in half-open, claims the single probe. */
  tryAcquire(): boolean {
    const circuit = this.circuit;
    if (circuit === 'closed') return true;
    if (circuit === 'open' || this.probeInFlight) return false;
    this.state = 'half-open';
    this.probeInFlight = true;
    return true;
  }

  /** Gives back a probe claimed by `tryAcquire` but never used (deadline, caller's abort). */
  release(): void {
    this.probeInFlight = false;
  }

  recordSuccess(): void {
    this.record(false);
    this.consecutive = 0;
    if (this.state === 'half-open') this.close();
  }

  /** Failures that are not the provider's fault only give back a claimed probe. */
  recordFailure(kind: ProviderErrorKind): void {
    if (!COUNTS_AGAINST_CIRCUIT[kind]) return this.release();
    this.record(true);
    this.consecutive += 1;
    if (this.state === 'half-open' || this.shouldOpen()) this.open();
  }

  private shouldOpen(): boolean {
    if (this.state !== 'closed') return false;
    if (this.consecutive >= this.options.consecutiveFailures) return true;
    const { failureRate, minCalls } = this.options;
    const health = this.health();
    return this.calls.length >= minCalls && health.recentErrorRate > failureRate;
  }

  private open(): void {
    this.state = 'open';
    this.openedAt = this.clock();
    this.probeInFlight = false;
  }

  private close(): void {
    this.state = 'closed';
    this.probeInFlight = false;
    this.consecutive = 0;
    this.calls.length = 0;
  }

  private record(failed: boolean): void {
    this.calls.push({ at: this.clock(), failed });
    this.prune();
  }

  private prune(): void {
    const since = this.clock() - this.options.windowMs;
    let stale = 0;
    while ((this.calls[stale]?.at ?? Infinity) <= since) stale++;
    if (stale > 0) this.calls.splice(0, stale);
  }
}

/** One breaker per model, made on first use. */
export class CircuitBreakers {
  private readonly byModel = new Map<string, CircuitBreaker>();

  constructor(
    private readonly clock: () => number,
    private readonly options: CircuitBreakerOptions = DEFAULT_CIRCUIT_BREAKER,
  ) {}

  get(model: string): CircuitBreaker {
    let breaker = this.byModel.get(model);
    if (!breaker) {
      breaker = new CircuitBreaker(this.clock, this.options);
      this.byModel.set(model, breaker);
    }
    return breaker;
  }

  health(model: string): HealthState {
    return this.get(model).health();
  }
}
