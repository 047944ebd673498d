import { describe, expect, it } from 'vitest';
import { LoadWindow, LoadWindows } from './load-window.js';

function windowAt(start = 0) {
  const time = { now: start };
  return { window: new LoadWindow(() => time.now), time };
}

const unlimited = { requestsPerMinute: null, tokensPerMinute: null };

describe('LoadWindow', () => {
  it('counts requests, tokens and in-flight calls', () => {
    const { window } = windowAt();
    const first = window.start(100);
    window.start(50);
    first.finish(120);
    expect(window.state()).toEqual({ requestsLastMinute: 2, tokensLastMinute: 170, inFlight: 1 });
  });

  it('finishing twice is harmless', () => {
    const { window } = windowAt();
    const ticket = window.start(10);
    ticket.finish(10);
    ticket.finish(10);
    expect(window.state().inFlight).toBe(0);
  });

  it('slides: what started more than 60 s ago no longer counts', () => {
    const { window, time } = windowAt();
    window.start(100).finish(100);
    time.now = 30_000;
    window.start(10).finish(10);
    time.now = 60_000;
    expect(window.state()).toEqual({ requestsLastMinute: 1, tokensLastMinute: 10, inFlight: 0 });
  });

  it.each([
    // limits, requests so far (10 tokens each), next request's tokens, would exceed
    [{ requestsPerMinute: 3, tokensPerMinute: null }, 2, 10, false],
    [{ requestsPerMinute: 3, tokensPerMinute: null }, 3, 10, true],
    [{ requestsPerMinute: null, tokensPerMinute: 100 }, 5, 50, false],
    [{ requestsPerMinute: null, tokensPerMinute: 100 }, 5, 51, true],
    [unlimited, 1_000, 1_000_000, false],
  ])('%j after %i requests, %i more tokens → %s', (limits, done, tokens, exceeded) => {
    const { window } = windowAt();
    for (let i = 0; i < done; i++) window.start(10).finish(10);
    expect(window.wouldExceed(limits, tokens)).toBe(exceeded);
  });

  it('has headroom again once the minute has passed', () => {
    const { window, time } = windowAt();
    const limits = { requestsPerMinute: 1, tokensPerMinute: null };
    window.start(10);
    expect(window.wouldExceed(limits, 10)).toBe(true);
    time.now = 60_001;
    expect(window.wouldExceed(limits, 10)).toBe(false);
  });
});

describe('LoadWindows across replicas', () => {
  it('counts the peers’ reported use against the limits, and reports only its own', () => {
    const windows = new LoadWindows(() => 0);
    windows.get('gpt-4o').start(100);
    windows.setPeers(
      new Map([
        ['gpt-4o', [4, 4_000, 2]],
        ['mini', [1, 10, 0]],
      ]),
    );
    expect(windows.state('gpt-4o')).toEqual({
      requestsLastMinute: 5,
      tokensLastMinute: 4_100,
      inFlight: 3,
    });
    expect(windows.state('mini')).toEqual({
      requestsLastMinute: 1,
      tokensLastMinute: 10,
      inFlight: 0,
    });
    // Five requests across the replicas: a sixth would go over 5 RPM though this one made one.
    expect(
      windows.get('gpt-4o').wouldExceed({ requestsPerMinute: 5, tokensPerMinute: null }, 10),
    ).toBe(true);
    expect(windows.ownGauges()).toEqual(
      new Map([
        ['gpt-4o', [1, 100, 1]],
        ['mini', [0, 0, 0]],
      ]),
    );
    // A model the peers stopped reporting is idle on their side again.
    windows.setPeers(new Map());
    expect(windows.state('gpt-4o')).toEqual({
      requestsLastMinute: 1,
      tokensLastMinute: 100,
      inFlight: 1,
    });
  });
});
