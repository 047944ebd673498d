import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from 'openai/core/error';
import { describe, expect, it } from 'vitest';
import type { ProviderErrorKind } from '../domain/contracts.js';
import { ProviderError } from '../domain/errors.js';
import { classifyProviderError } from './classify-provider-error.js';

const NOW = Date.parse('2025-01-01T00:00:00Z');

function apiError(status: number, code: string | null, message = 'boom', headers = {}): APIError {
  return APIError.generate(status, { error: { message, code } }, undefined, new Headers(headers));
}

describe('classifyProviderError', () => {
  it.each<[string, unknown, ProviderErrorKind, number | null]>([
    [
      '429 with retry-after seconds',
      apiError(429, 'rate_limit_exceeded', 'x', { 'retry-after': '2' }),
      'rate_limited',
      2000,
    ],
    [
      '429 with retry-after-ms',
      apiError(429, null, 'x', { 'retry-after-ms': '150' }),
      'rate_limited',
      150,
    ],
    [
      '429 with an HTTP-date retry-after',
      apiError(429, null, 'x', { 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' }),
      'rate_limited',
      5000,
    ],
    ['429 without retry-after', apiError(429, null), 'rate_limited', null],
    ['429 insufficient_quota', apiError(429, 'insufficient_quota'), 'auth', null],
    ['500', apiError(500, null), 'server_error', null],
    [
      '503 with retry-after',
      apiError(503, null, 'x', { 'retry-after': '1' }),
      'server_error',
      1000,
    ],
    ['529 overloaded', apiError(529, null), 'server_error', null],
    ['409 conflict', apiError(409, null), 'server_error', null],
    ['408 request timeout', apiError(408, null), 'timeout', null],
    [
      '400 context_length_exceeded',
      apiError(400, 'context_length_exceeded'),
      'context_length',
      null,
    ],
    [
      '400 without code saying so (Ollama)',
      apiError(400, null, 'prompt exceeds the context window'),
      'context_length',
      null,
    ],
    ['413 payload too large', apiError(413, null), 'context_length', null],
    ['400 content_filter', apiError(400, 'content_filter'), 'content_filter', null],
    [
      '400 content_policy_violation',
      apiError(400, 'content_policy_violation'),
      'content_filter',
      null,
    ],
    ['400 other', apiError(400, 'invalid_value'), 'bad_request', null],
    ['404 unknown model', apiError(404, 'model_not_found'), 'bad_request', null],
    ['422', apiError(422, null), 'bad_request', null],
    ['401', apiError(401, 'invalid_api_key'), 'auth', null],
    ['403', apiError(403, null), 'auth', null],
    ['client timeout', new APIConnectionTimeoutError(), 'timeout', null],
    [
      'connection refused',
      new APIConnectionError({ message: 'Connection error.' }),
      'network',
      null,
    ],
    ['caller abort through the client', new APIUserAbortError(), 'aborted', null],
    [
      'DOM AbortError',
      new DOMException('This operation was aborted', 'AbortError'),
      'aborted',
      null,
    ],
    ['DOM TimeoutError', new DOMException('signal timed out', 'TimeoutError'), 'timeout', null],
    ['fetch failed', new TypeError('fetch failed'), 'network', null],
    ['a body cut off by a dropped connection', new TypeError('terminated'), 'network', null],
    [
      'JSON body that is not JSON',
      new SyntaxError('Unexpected token < in JSON'),
      'bad_response',
      null,
    ],
    [
      'a shape error',
      new TypeError("Cannot read properties of undefined (reading 'message')"),
      'bad_response',
      null,
    ],
    ['a thrown string', 'weird', 'bad_response', null],
  ])('%s → %s', (_name, error, kind, retryAfterMs) => {
    const classified = classifyProviderError(error, 'm@test', [], NOW);
    expect(classified).toBeInstanceOf(ProviderError);
    expect([classified.kind, classified.retryAfterMs, classified.model]).toEqual([
      kind,
      retryAfterMs,
      'm@test',
    ]);
  });

  it('keeps the HTTP status', () => {
    expect(classifyProviderError(apiError(502, null), 'm').status).toBe(502);
  });

  it('passes a ProviderError through unchanged', () => {
    const error = new ProviderError('bad_response', 'no choices', 'm');
    expect(classifyProviderError(error, 'other')).toBe(error);
  });

  it('strips the key from messages, even when the provider echoes it', () => {
    const key = 'secret-key-0123456789';
    const error = apiError(401, 'invalid_api_key', `Incorrect API key provided: ${key}`);
    const classified = classifyProviderError(error, 'm', [key]);
    expect(classified.message).not.toContain(key);
    expect(classified.message).toContain('[redacted]');
  });

  it('strips sk- keys it was not told about', () => {
    const error = apiError(401, null, 'Incorrect API key provided: sk-proj-abcdefghijklmnop');
    expect(classifyProviderError(error, 'm').message).not.toContain('abcdefghijklmnop');
  });
});
