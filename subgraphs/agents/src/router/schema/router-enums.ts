import { registerEnumType } from 'type-graphql';
import type { ModelFeature, TaskType } from '../domain/contracts.js';

/**
 * GraphQL names of the router's task types; values are the router's own (TASK_TYPES: each one
 * exactly once, or this does not compile).
 */
export const TaskTypeValue = {
  ANALYSIS: 'analysis',
  CREATIVE: 'creative',
  CODE: 'code',
  SUMMARISATION: 'summarisation',
  EXTRACTION: 'extraction',
  PLANNING: 'planning',
  CLASSIFICATION: 'classification',
  CONVERSATION: 'conversation',
} as const satisfies { readonly [T in TaskType as Uppercase<T>]: T };
export type TaskTypeValue = (typeof TaskTypeValue)[keyof typeof TaskTypeValue];
registerEnumType(TaskTypeValue, {
  name: 'TaskType',
  description: 'What kind of work an LLM call does; the router tracks quality per type',
});

export const ModelFeatureValue = {
  STREAMING: 'streaming',
  JSON: 'json',
  TOOLS: 'tools',
  VISION: 'vision',
} as const satisfies { readonly [F in ModelFeature as Uppercase<F>]: F };
export type ModelFeatureValue = (typeof ModelFeatureValue)[keyof typeof ModelFeatureValue];
registerEnumType(ModelFeatureValue, { name: 'ModelFeature' });

export const ModelKindValue = {
  OPENAI_COMPATIBLE: 'openai-compatible',
  OFFLINE: 'offline',
} as const;
export type ModelKindValue = (typeof ModelKindValue)[keyof typeof ModelKindValue];
registerEnumType(ModelKindValue, {
  name: 'ModelKind',
  description: 'OPENAI_COMPATIBLE: any endpoint speaking the OpenAI API; OFFLINE: local templates',
});

export enum ModelSourceValue {
  CONFIG = 'CONFIG',
  ADMIN = 'ADMIN',
}
registerEnumType(ModelSourceValue, {
  name: 'ModelSource',
  description: 'CONFIG: from LLM_MODELS / LLM_MODELS_FILE (change it there); ADMIN: by mutations',
});

export const CircuitStateValue = {
  CLOSED: 'closed',
  OPEN: 'open',
  HALF_OPEN: 'half-open',
} as const;
export type CircuitStateValue = (typeof CircuitStateValue)[keyof typeof CircuitStateValue];
registerEnumType(CircuitStateValue, {
  name: 'CircuitState',
  description:
    'OPEN: calls skip the model until a cool-down passes; HALF_OPEN: one probe is let through',
});

export enum RoutingStatus {
  SELECTED = 'SELECTED',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(RoutingStatus, {
  name: 'RoutingStatus',
  description: 'SELECTED: chosen, not (yet) called; SUCCEEDED / FAILED: how the call ended',
});

export enum CandidateExclusion {
  DISABLED = 'DISABLED',
  TASK_TYPE_NOT_OFFERED = 'TASK_TYPE_NOT_OFFERED',
  FEATURE_MISSING = 'FEATURE_MISSING',
  CONTEXT_TOO_SMALL = 'CONTEXT_TOO_SMALL',
  CIRCUIT_OPEN = 'CIRCUIT_OPEN',
  RATE_LIMITED = 'RATE_LIMITED',
  OVER_BUDGET = 'OVER_BUDGET',
  BELOW_QUALITY = 'BELOW_QUALITY',
}
registerEnumType(CandidateExclusion, { name: 'CandidateExclusion' });
