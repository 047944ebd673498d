import type {
  CandidateScore,
  ModelSpec,
  ProviderErrorKind,
  TaskClassification,
  TaskType,
} from '../index.js';

/** A model as stored: its spec without the secret, which travels beside it. */
export type StoredModelSpec = Omit<ModelSpec, 'apiKey'>;

export type ModelSource = 'CONFIG' | 'ADMIN';

export interface StoredModel {
  name: string;
  /** CONFIG: from LLM_MODELS / LLM_MODELS_FILE (changed there); ADMIN: by mutations. */
  source: ModelSource;
  spec: StoredModelSpec;
  /** ADMIN models only; CONFIG models keep their key in memory. Never leaves the service. */
  apiKey: string | null;
  enabled: boolean;
  version: number;
  updatedAt: Date;
}

export type RoutingDecisionStatus = 'SELECTED' | 'SUCCEEDED' | 'FAILED';

/** One call to one model while serving a routed task. */
export interface RoutingAttempt {
  model: string;
  ok: boolean;
  errorKind: ProviderErrorKind | null;
  latencyMs: number;
  costUsd: number;
}

/** What the caller asked, as kept with the decision (the text is shortened). */
export interface RoutedRequestSummary {
  textPreview: string;
  textLength: number;
  contextLength: number;
  taskType: TaskType | null;
  qualityRequirement: number | null;
  maxCostUsd: number | null;
  maxOutputTokens: number | null;
  /** The principal that asked (`sub` of the token). */
  requestedBy: string;
  dryRun: boolean;
}

/** A selection and, once the call ended, what it did: `routingDecision(id)`. */
export interface RoutingDecisionRecord {
  id: string;
  createdAt: Date;
  taskType: TaskType;
  classification: TaskClassification;
  request: RoutedRequestSummary;
  selectedModel: string;
  confidence: number;
  reasoning: string;
  candidates: readonly CandidateScore[];
  fallbacks: readonly string[];
  status: RoutingDecisionStatus;
  servedBy: string | null;
  attempts: readonly RoutingAttempt[];
  latencyMs: number | null;
  costUsd: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** The automatic quality signal of the answer. */
  quality: number | null;
  /** Explicit feedback, once given. */
  feedback: number | null;
  errorReason: string | null;
}

/** How much of a task's text a stored decision keeps. */
export const storedTextPreviewLength = 280;
