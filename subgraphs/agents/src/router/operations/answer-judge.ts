import type { Logger } from '@daena/platform';
import {
  estimateInputTokens,
  expectedCostUsd,
  judgeRequest,
  parseJudgeRating,
  SpendPacer,
  type DriftEvent,
  type ModelSpec,
  type Provider,
  type QualitySignalSource,
  type TaskType,
} from '../index.js';
import type { RouterMetrics } from './router-metrics.js';

/** The judge's cap is per hour of spend. */
const JUDGE_WINDOW_MS = 3_600_000;

/** What the judge needs of the rest of the router. */
export interface AnswerJudgeParts {
  /** The enabled model configured as the judge (`judge` settings), if any. */
  judgeSpec(): ModelSpec | undefined;
  providers: Readonly<Record<ModelSpec['kind'], Provider>>;
  /** Counts a grade as evidence for the model that answered (see `SIGNAL_TRUST`). */
  learn(
    model: string,
    taskType: TaskType,
    quality: number,
    source: QualitySignalSource,
  ): DriftEvent[];
  drift(event: DriftEvent): void;
  metrics: RouterMetrics;
  log: Logger;
  /** Epoch milliseconds. */
  clock: () => number;
  random: () => number;
}

/** One answer to grade: who answered what to which prompt. */
export interface JudgedAnswer {
  readonly model: string;
  readonly taskType: TaskType;
  readonly prompt: string;
  readonly answer: string;
  readonly decisionId: string;
}

/**
 * The LLM judge of issue 18: grades a sample of answers (the judge model's `sampleRate`) with its
 * own hourly budget (`maxUsdPerHour`, per replica), calling the judge through the same provider
 * and `openai` client as routed calls but never through the router (so it never judges itself).
 * A grade is evidence for the answering model's posterior with the judge's trust; a failed or
 * unparsable grade teaches nothing. Its spend is counted apart from routed calls.
 */
export class AnswerJudge {
  private readonly pacers = new Map<string, SpendPacer>();

  constructor(private readonly parts: AnswerJudgeParts) {}

  /**
   * Grades the answer when it falls in the sample and the budget allows; never throws. Resolves
   * with the quality given, or null when none was.
   */
  async consider(answered: JudgedAnswer): Promise<number | null> {
    const { parts } = this;
    const spec = parts.judgeSpec();
    if (!spec?.judge || spec.name === answered.model) return null;
    if (parts.random() >= spec.judge.sampleRate) return null;
    const request = judgeRequest(answered.prompt, answered.answer);
    const pacer = this.pacer(spec);
    const output = request.maxOutputTokens ?? 0;
    const input = estimateInputTokens(request.messages.map((m) => m.content).join('\n'), '');
    const estimate = expectedCostUsd(spec, { input, output, outputReserve: output });
    if (!pacer.allows(parts.clock(), estimate)) {
      parts.metrics.judge('over_budget');
      return null;
    }
    try {
      const result = await parts.providers[spec.kind].complete(spec, request);
      pacer.spend(parts.clock(), result.costUsd);
      const quality = parseJudgeRating(result.text);
      parts.metrics.judge(quality === null ? 'unrated' : 'rated', result.costUsd);
      if (quality === null) return null;
      for (const event of parts.learn(answered.model, answered.taskType, quality, 'judge')) {
        parts.drift(event);
      }
      return quality;
    } catch (error) {
      parts.metrics.judge('failed');
      parts.log.warn(
        { err: error, judge: spec.name, decisionId: answered.decisionId },
        'the LLM judge could not grade an answer',
      );
      return null;
    }
  }

  private pacer(spec: ModelSpec): SpendPacer {
    let pacer = this.pacers.get(spec.name);
    if (!pacer) {
      pacer = new SpendPacer(spec.judge?.maxUsdPerHour ?? 0, JUDGE_WINDOW_MS);
      this.pacers.set(spec.name, pacer);
    }
    return pacer;
  }
}
