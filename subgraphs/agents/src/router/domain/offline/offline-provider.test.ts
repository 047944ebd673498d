import { describe, expect, it } from 'vitest';
import type { CompletionRequest } from '../contracts.js';
import { ProviderError } from '../errors.js';
import { offlineModelSpec } from './offline-model-spec.js';
import { offlineProvider } from './offline-provider.js';

const report =
  'Revenue grew 18% year on year to $4.2M, driven by the enterprise tier. Gross margin fell two points because of higher hosting costs. We hired 14 people, mostly in engineering. Churn in the SMB segment rose to 3.1% per month. The board approved a $2M budget for the European expansion.';
const invoice =
  'Invoice issued 3 March 2024. Total EUR 13,260 due by 2 April 2024. Questions to billing@nordlicht.de.';

const ask = (content: string, material?: string, extra: Partial<CompletionRequest> = {}) =>
  offlineProvider.complete(offlineModelSpec, {
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      ...(material ? [{ role: 'user' as const, content: material }] : []),
      { role: 'user', content },
    ],
    ...extra,
  });

describe('offlineProvider', () => {
  it.each<[string, string, string | undefined, string[]]>([
    [
      'summarises with top sentences',
      'Summarise this report for the board.',
      report,
      ['Summary (3 of 5 sentences', '- Revenue grew 18%'],
    ],
    [
      'lists dates, amounts and emails',
      'Extract all the dates and amounts.',
      invoice,
      ['DATE: 3 March 2024', 'DATE: 2 April 2024', 'EMAIL: billing@nordlicht.de'],
    ],
    [
      'labels sentiment',
      "Is this review positive, negative or neutral? 'The app crashes all the time, terrible.'",
      undefined,
      ['negative (sentiment score -'],
    ],
    [
      'picks the label the text supports',
      'Which category does this expense belong to: travel, meals or software?',
      'Taxi to the airport for travel, 42 EUR',
      ['travel (the text uses'],
    ],
    [
      'says when no labels are given',
      'Classify this.',
      'Some text',
      ['No label: the request lists no labels'],
    ],
    [
      'drafts numbered steps from the verbs and nouns',
      'Plan the office move to Lisbon and hire a removal company.',
      undefined,
      ['1. Agree the goal', 'Hire a removal company', 'Lisbon'],
    ],
    [
      'declines code with a clear template',
      'Write a TypeScript function that debounces another.',
      undefined,
      ['so code cannot be produced here'],
    ],
    ['answers chit-chat politely', 'Hello!', undefined, ["I'm Daena's offline assistant"]],
  ])('%s', async (_, content, material, expected) => {
    const result = await ask(content, material);
    expect(result.text.startsWith('[offline] ')).toBe(true);
    for (const part of expected) expect(result.text).toContain(part);
    expect(result).toMatchObject({
      model: 'offline',
      costUsd: 0,
      cached: false,
      finishReason: 'stop',
    });
    expect(result.inputTokens).toBeGreaterThan(0);
    expect(result.outputTokens).toBe(Math.ceil(result.text.length / 4));
  });

  it.each([
    ['Summarise this report.', report],
    ['Extract all the dates.', invoice],
    ['Label this as urgent or not urgent.', 'Server down!'],
    ['Plan the audit.', undefined],
    ['Fix this bug in `main.ts`.', undefined],
    ['Hi', undefined],
  ])(
    'answers %j with a valid, labelled JSON object when asked for JSON',
    async (content, material) => {
      const result = await ask(content, material, { responseFormat: 'json' });
      const parsed: unknown = JSON.parse(result.text);
      expect(parsed).toMatchObject({
        offline: true,
        model: 'offline',
        answer: expect.stringMatching(/^\[offline\]/),
      });
    },
  );

  it('gives the same answer to the same request', async () => {
    const [first, second] = await Promise.all([
      ask('Summarise.', report),
      ask('Summarise.', report),
    ]);
    expect(first.text).toBe(second.text);
  });

  it('streams the answer in a few pieces that add up to it', async () => {
    const deltas: string[] = [];
    const result = await ask('Summarise this report.', report, {
      onDelta: (text) => deltas.push(text),
    });
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.length).toBeLessThanOrEqual(5);
    expect(deltas.join('')).toBe(result.text);
  });

  it('cuts a text answer at maxOutputTokens', async () => {
    const result = await ask('Summarise this report.', report, { maxOutputTokens: 10 });
    expect(result).toMatchObject({
      finishReason: 'length',
      text: expect.stringMatching(/^\[offline\]/),
    });
    expect(result.text.length).toBe(40);
  });

  it('refuses an aborted request with an aborted ProviderError', async () => {
    const controller = new AbortController();
    controller.abort();
    const error: unknown = await ask('Hi', undefined, { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'aborted', model: 'offline' });
  });

  it('stops streaming when aborted between pieces', async () => {
    const controller = new AbortController();
    const deltas: string[] = [];
    const error: unknown = await ask('Summarise this report.', report, {
      signal: controller.signal,
      onDelta: (text) => {
        deltas.push(text);
        controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'aborted' });
    expect(deltas).toHaveLength(1);
  });
});
