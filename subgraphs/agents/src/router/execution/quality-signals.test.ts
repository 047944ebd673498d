import { describe, expect, it } from 'vitest';
import type { CompletionRequest, CompletionResult } from '../domain/contracts.js';
import { automaticQuality } from './quality-signals.js';

type Format = CompletionRequest['responseFormat'];
type Finish = CompletionResult['finishReason'];

describe('automaticQuality', () => {
  it.each<[string, Format, string, Finish, number]>([
    ['a complete answer', 'text', 'Paris is the capital of France.', 'stop', 1],
    ['an empty answer', 'text', '', 'stop', 0],
    ['a blank answer', 'text', '  \n', 'stop', 0],
    ['valid JSON when JSON was asked', 'json', '{"answer": 42}', 'stop', 1],
    ['fenced JSON when JSON was asked', 'json', '```json\n{"answer": 42}\n```', 'stop', 1],
    ['prose when JSON was asked', 'json', 'The answer is 42', 'stop', 0],
    ['truncated JSON', 'json', '{"answer": ', 'length', 0],
    ['an answer cut at the token limit', 'text', 'The three reasons are: first', 'length', 0.5],
    ['a filtered answer', 'text', 'Partial', 'content_filter', 0.2],
    ['a refusal', 'text', "I'm sorry, but I can't help with that.", 'stop', 0.3],
    [
      'a refusal with a typographic apostrophe',
      'text',
      'I can’t assist with that request.',
      'stop',
      0.3,
    ],
    ['"As an AI" hedging', 'text', 'As an AI, I do not have opinions.', 'stop', 0.3],
    [
      'an answer that quotes a refusal later',
      'text',
      'The bot replied "I\'m sorry" twice.',
      'stop',
      1,
    ],
    ['an unusual finish reason', 'text', 'Calling a tool', 'other', 0.8],
    ['text with no format given', undefined, 'fine', 'stop', 1],
  ])('%s → %f', (_name, responseFormat, text, finishReason, expected) => {
    expect(automaticQuality({ responseFormat }, { text, finishReason })).toBe(expected);
  });
});
