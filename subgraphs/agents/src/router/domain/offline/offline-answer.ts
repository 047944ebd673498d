import { classifyTask } from '../classification/classify-task.js';
import type { TaskType } from '../contracts.js';
import { findFacts } from './find-facts.js';
import { pickLabel } from './pick-label.js';
import { planSteps } from './plan-steps.js';
import { topSentences } from './top-sentences.js';

/** Every offline answer starts with this, so no one mistakes it for a model's. */
export const OFFLINE_MARKER = '[offline]';

export interface OfflineAnswer {
  readonly taskType: TaskType;
  /** The answer as text, starting with the marker. */
  readonly text: string;
  /** The same answer as data, for `responseFormat: 'json'`. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** At most this many sentences in an offline summary. */
const MAX_SUMMARY_SENTENCES = 3;

/**
 * Answers a request from templates and wink-nlp: the task type is classified offline, then
 * summaries pick top sentences, extraction lists entities, classification picks a justified
 * label, planning drafts numbered steps; code, analysis and creative work say plainly that they
 * need a language model. `request` is the ask, `material` what it is about.
 */
export function offlineAnswer(request: string, material: string): OfflineAnswer {
  const { taskType } = classifyTask({ text: request, context: material });
  const both = material ? `${request}\n\n${material}` : request;
  switch (taskType) {
    case 'summarisation': {
      const { picked, of } = topSentences(both, MAX_SUMMARY_SENTENCES);
      const text =
        picked.length === 0
          ? `${OFFLINE_MARKER} There is nothing to summarise beyond the request itself.`
          : `${OFFLINE_MARKER} Summary (${picked.length} of ${of} sentences, picked by term frequency):\n${picked.map((s) => `- ${s}`).join('\n')}`;
      return { taskType, text, data: { sentences: picked } };
    }
    case 'extraction': {
      const items = findFacts(both);
      const text =
        items.length === 0
          ? `${OFFLINE_MARKER} No dates, amounts, numbers, emails or links were found.`
          : `${OFFLINE_MARKER} Found ${items.length} item(s):\n${items.map((i) => `- ${i.type}: ${i.value}`).join('\n')}`;
      return { taskType, text, data: { items } };
    }
    case 'classification': {
      const choice = pickLabel(request, material);
      const text =
        choice.label === null
          ? `${OFFLINE_MARKER} No label: ${choice.reason}.`
          : `${OFFLINE_MARKER} ${choice.label} (${choice.reason})`;
      return { taskType, text, data: { ...choice } };
    }
    case 'planning': {
      const steps = planSteps(request);
      const text = `${OFFLINE_MARKER} Draft plan (a template from the request's own words):\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`;
      return { taskType, text, data: { steps } };
    }
    case 'conversation': {
      const text = /\b(?:thanks|thank you|cheers)\b/i.test(request)
        ? `${OFFLINE_MARKER} You're welcome.`
        : `${OFFLINE_MARKER} Hello! I'm Daena's offline assistant. No language model is configured, so I answer from templates: I can summarise, list dates, amounts and names, pick a label from ones you give, or draft a plan.`;
      return { taskType, text, data: {} };
    }
    default: {
      const needs = { code: 'code', analysis: 'an analysis', creative: 'creative writing' }[
        taskType
      ];
      const text = `${OFFLINE_MARKER} No language model is available offline, so ${needs} cannot be produced here. Configure a model (LLM_MODELS) and ask again.`;
      return { taskType, text, data: { unavailable: true } };
    }
  }
}
