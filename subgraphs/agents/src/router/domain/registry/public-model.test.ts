import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../contracts.js';
import { offlineModelSpec } from '../offline/offline-model-spec.js';
import { publicModelView } from './public-model.js';

const SECRET = 'sk-live-0a1b2c3d4e5f';
const withKey: ModelSpec = {
  ...offlineModelSpec,
  name: 'gpt-4o',
  kind: 'openai-compatible',
  baseURL: 'https://api.openai.com/v1',
  apiKey: SECRET,
};

describe('publicModelView', () => {
  it.each<[string, ModelSpec, boolean]>([
    ['a model with a key', withKey, true],
    ['a model without a key', offlineModelSpec, false],
    ['a model with an empty key', { ...withKey, apiKey: '' }, false],
  ])('shows %s with hasApiKey %s and never the key', (_, spec, hasApiKey) => {
    const view = publicModelView(spec);
    expect(view.hasApiKey).toBe(hasApiKey);
    expect(view).not.toHaveProperty('apiKey');
    expect(JSON.stringify(view)).not.toContain(SECRET);
    const { apiKey: _key, ...rest } = spec;
    expect(view).toEqual({ ...rest, hasApiKey });
  });
});
