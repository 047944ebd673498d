import type { ModelTaskStats } from '../index.js';
import type { RoutingDecisionRecord } from '../domain/router-records.js';
import type { ModelState } from '../operations/router-service.js';
import {
  CandidateExclusion,
  type LlmModel,
  type ModelSourceValue,
  type RoutingDecision,
  type RoutingStats,
  type RoutingStatus,
} from './router-types.js';

/** A registry model as the API shows it: everything but the key. */
export function toModelView(model: ModelState): LlmModel {
  const { spec } = model;
  return {
    name: spec.name,
    kind: spec.kind,
    baseUrl: spec.baseURL,
    upstreamModel: spec.upstreamModel,
    hasApiKey: spec.apiKey !== null && spec.apiKey !== '',
    inputUsdPerMTok: spec.inputUsdPerMTok,
    outputUsdPerMTok: spec.outputUsdPerMTok,
    contextWindow: spec.contextWindow,
    taskTypes: [...spec.taskTypes],
    features: [...spec.features],
    requestsPerMinute: spec.requestsPerMinute,
    tokensPerMinute: spec.tokensPerMinute,
    timeoutMs: spec.timeoutMs,
    priorQuality: Object.entries(spec.priorQuality).map(([taskType, quality]) => ({
      taskType,
      quality: quality ?? 0,
    })),
    enabled: spec.enabled,
    source: model.source as ModelSourceValue,
    version: model.version,
    health: { ...model.health },
    load: { ...model.load },
  };
}

export function toDecisionView(record: RoutingDecisionRecord): RoutingDecision {
  return {
    id: record.id,
    createdAt: record.createdAt,
    taskType: record.taskType,
    classification: {
      ...record.classification,
      signals: [...record.classification.signals],
    },
    model: record.selectedModel,
    confidence: record.confidence,
    reasoning: record.reasoning,
    candidates: record.candidates.map((candidate) => ({
      ...candidate,
      exclusion: candidate.exclusion && CandidateExclusion[candidate.exclusion],
    })),
    fallbacks: [...record.fallbacks],
    status: record.status as RoutingStatus,
    servedBy: record.servedBy,
    attempts: record.attempts.map((attempt) => ({ ...attempt })),
    latencyMs: record.latencyMs,
    costUsd: record.costUsd,
    inputTokens: record.inputTokens,
    outputTokens: record.outputTokens,
    quality: record.quality,
    feedback: record.feedback,
    errorReason: record.errorReason,
  };
}

export function toStatsView(stats: ModelTaskStats): RoutingStats {
  return { ...stats };
}
