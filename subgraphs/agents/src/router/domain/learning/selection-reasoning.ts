import type { CandidateScore, TaskType } from '../contracts.js';

/** Eligible candidates described in full; the rest are counted, so the text stays short. */
export const REASONING_DETAIL = 3;

const usd = (x: number) => `$${x < 0.01 ? x.toPrecision(2) : x.toFixed(4)}`;
const pct = (x: number) => `${Math.round(100 * x)}%`;

function describe(c: CandidateScore): string {
  const health = c.healthScore >= 0.99 ? 'healthy' : `health ${pct(c.healthScore)}`;
  return (
    `${c.expectedQuality.toFixed(2)}±${c.qualityStdDev.toFixed(2)} (draw ${c.sampledQuality.toFixed(2)}), ` +
    `${usd(c.expectedCostUsd)}, load ${pct(1 - c.loadScore)}, ${health}, score ${c.score.toFixed(2)}`
  );
}

/**
 * The human-readable why of a selection: the choice with its scores, why it beat the model with
 * the best draw when that was another one, the next best eligible candidates' scores (every
 * candidate's scores are in `candidates`; the text counts the others), and each excluded model
 * with its reason. `candidates` come best first, eligible ones before the rest.
 */
export function explainSelection(
  taskType: TaskType,
  complexity: number,
  tolerance: number,
  candidates: readonly CandidateScore[],
): string {
  const chosen = candidates[0];
  if (!chosen) return `${taskType} task: no candidates`;
  let text =
    `${taskType} task (complexity ${complexity.toFixed(2)}, tolerance ${tolerance.toFixed(3)}): ` +
    `chose ${chosen.model} — quality ${describe(chosen)}`;
  let bestDraw: CandidateScore | null = null;
  let eligible = 1;
  for (let i = 1; i < candidates.length; i++) {
    const c = candidates[i] as CandidateScore;
    if (!c.eligible) break;
    eligible++;
    if (c.sampledQuality > (bestDraw ?? chosen).sampledQuality) bestDraw = c;
  }
  if (bestDraw) {
    const gap = bestDraw.sampledQuality - chosen.sampledQuality;
    const why =
      chosen.expectedCostUsd < bestDraw.expectedCostUsd
        ? `cheaper than ${bestDraw.model} at a sampled quality ${gap.toFixed(3)} lower`
        : `preferred to ${bestDraw.model} (draw ${gap.toFixed(3)} higher) for load and health`;
    text += `; ${why}`;
  }
  if (eligible > 1) {
    const shown = Math.min(eligible, REASONING_DETAIL);
    const parts: string[] = [];
    for (let i = 1; i < shown; i++) {
      const c = candidates[i] as CandidateScore;
      parts.push(`${c.model} ${describe(c)}`);
    }
    text += `. Also eligible: ${parts.join('; ')}`;
    if (eligible > shown) text += `; and ${eligible - shown} more, scoring lower`;
  }
  if (eligible < candidates.length) {
    const parts: string[] = [];
    for (let i = eligible; i < candidates.length; i++) {
      const c = candidates[i] as CandidateScore;
      parts.push(`${c.model} (${c.exclusion})`);
    }
    text += `. Excluded: ${parts.join(', ')}`;
  }
  return `${text}.`;
}
