import type { ModelSpec } from '../contracts.js';

/** A model as the API and logs may show it: everything but the key. */
export type PublicModel = Omit<ModelSpec, 'apiKey'> & { readonly hasApiKey: boolean };

/** Copies the fields one by one (no spread), so a field added to ModelSpec is never leaked. */
export function publicModelView(spec: ModelSpec): PublicModel {
  return {
    name: spec.name,
    kind: spec.kind,
    baseURL: spec.baseURL,
    upstreamModel: spec.upstreamModel,
    hasApiKey: spec.apiKey !== null && spec.apiKey !== '',
    inputUsdPerMTok: spec.inputUsdPerMTok,
    outputUsdPerMTok: spec.outputUsdPerMTok,
    contextWindow: spec.contextWindow,
    taskTypes: spec.taskTypes,
    features: spec.features,
    requestsPerMinute: spec.requestsPerMinute,
    tokensPerMinute: spec.tokensPerMinute,
    enabled: spec.enabled,
    priorQuality: spec.priorQuality,
    timeoutMs: spec.timeoutMs,
  };
}
