/**
 * The router replayed on RouteLLM's real per-prompt outcomes of GPT-4 and Mixtral (issue 18):
 * APGR, CPT(50%) and CPT(80%) on held-out prompts, several seeds, mean ± sd, for GSM8K + MMLU and
 * for MT-Bench (judge scores; nothing learned here has seen an MT-Bench prompt, except the
 * per-category baseline, which learns from MT-Bench's train half).
 *
 * Each seed: everything learned is fit on a random 60% of the data's train half (≈ 30% of the
 * prompts, the learning share) and scored on a random 70% of its test half; the halves are
 * the data's own (by SHA-256 of the key), so no score has seen a test prompt. Run alone it prints
 * the tables and updates the `replay` part of test/bench/results/router.json; router.ts calls it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  classifyTask,
  DEFAULT_PROMPT_MODEL_CONFIG,
  outcomeQualities,
  predictPromptQuality,
  readMtBenchScores,
  readRouteLlmOutcomes,
  ROUTELLM_LICENCE,
  ROUTELLM_SOURCE,
  ROUTELLM_STRONG,
  ROUTELLM_WEAK,
  seededRandom,
  trainPromptQualityModel,
  type PromptQualityModel,
} from '@daena/agents/router';
import { figures, meanSd, pgrCurve, type RoutingFigures } from './router-replay-metrics.js';
import { onlineRouterCurve, pacedRun, type ReplayItem } from './router-replay-online.js';

const SEEDS = (process.env['ROUTER_REPLAY_SEEDS'] ?? '1,2,3,4,5').split(',').map(Number);
const LEARN_SHARE = 0.6;
/** Spend targets of the pacer row, as shares of always calling GPT-4. */
const PACER_TARGETS = [0.1, 0.25, 0.5];
const TEST_SHARE = 0.7;
const S = ROUTELLM_STRONG;
const W = ROUTELLM_WEAK;

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const routellmDir = resolve(
  root,
  process.env['DAENA_ROUTELLM_DIR'] ?? join('..', 'shared', 'data', 'routellm-replay'),
);

interface Item extends ReplayItem {
  readonly key: string;
  readonly group: string;
  readonly text: string;
}

function sample<T>(items: readonly T[], share: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, Math.round(share * copy.length));
}

/** A ranking from a per-group gain (strong − weak quality) learned on `learn`. */
function groupGain(learn: readonly Item[], groupOf: (i: Item) => string) {
  const sums = new Map<string, { gain: number; n: number }>();
  for (const item of learn) {
    const g = sums.get(groupOf(item)) ?? { gain: 0, n: 0 };
    g.gain += item.strong - item.weak;
    g.n += 1;
    sums.set(groupOf(item), g);
  }
  // A group unseen in learning gets the overall mean gain.
  const all = learn.reduce((s, i) => s + i.strong - i.weak, 0) / Math.max(1, learn.length);
  return (item: Item) => {
    const g = sums.get(groupOf(item));
    return g ? g.gain / g.n : all;
  };
}

type Scorer = (item: Item) => number;
const rank = (items: readonly Item[], score: Scorer) =>
  figures(pgrCurve(items.map((i) => ({ score: score(i), strong: i.strong, weak: i.weak }))));

function promptScorers(model: PromptQualityModel) {
  const cache = new Map<string, Map<string, number>>();
  const predicted = (i: Item) => {
    let p = cache.get(i.text);
    if (!p) cache.set(i.text, (p = predictPromptQuality(model, i.text)));
    return p;
  };
  return {
    gain: (i: Item) => (predicted(i).get(S) ?? 0) - (predicted(i).get(W) ?? 0),
    weakFailure: (i: Item) => 1 - (predicted(i).get(W) ?? 0),
  };
}

function loadItems() {
  const outcomes = readRouteLlmOutcomes(routellmDir).filter((o) => !o.contaminated);
  process.stderr.write(`classifying ${outcomes.length} RouteLLM prompts …\n`);
  const toItem = (o: (typeof outcomes)[number]): Item => {
    const q = outcomeQualities(o);
    return {
      key: o.id,
      group: `${o.benchmark}/${o.subject}`,
      text: o.prompt,
      strong: q[S] ?? 0,
      weak: q[W] ?? 0,
      classification: classifyTask({ text: o.prompt }),
    };
  };
  const mt = readMtBenchScores(routellmDir).map((m) => ({
    split: m.split,
    item: {
      key: `mt-bench-${m.question_id}-${m.turn}`,
      group: m.category,
      text: m.prompt,
      strong: m.score[S] ?? 0,
      weak: m.score[W] ?? 0,
      classification: classifyTask({ text: m.prompt }),
    } satisfies Item,
  }));
  return {
    train: outcomes.filter((o) => o.split === 'train').map(toItem),
    test: outcomes.filter((o) => o.split === 'test').map(toItem),
    mtTrain: mt.filter((m) => m.split === 'train').map((m) => m.item),
    mtTest: mt.filter((m) => m.split === 'test').map((m) => m.item),
  };
}

type Row = Record<string, RoutingFigures>;

function runSeed(data: ReturnType<typeof loadItems>, seed: number) {
  const random = seededRandom(seed);
  const learn = sample(data.train, LEARN_SHARE, random);
  const test = sample(data.test, TEST_SHARE, random);
  const mtTest = sample(data.mtTest, TEST_SHARE, random);
  process.stderr.write(`seed ${seed}: learning from ${learn.length}, scoring ${test.length} …\n`);
  const model = trainPromptQualityModel(
    learn.map((i) => ({ text: i.text, quality: { [S]: i.strong, [W]: i.weak } })),
    DEFAULT_PROMPT_MODEL_CONFIG,
    seededRandom(seed + 100),
  );
  const scorers = promptScorers(model);
  const byType = groupGain(learn, (i) => i.classification.taskType);
  const bySubject = groupGain(learn, (i) => i.group);
  const byCategory = groupGain(data.mtTrain, (i) => i.group);
  const oracle: Scorer = (i) => i.strong - i.weak;
  const online = (prior: PromptQualityModel | null) =>
    figures(onlineRouterCurve(test, prior, seededRandom(seed + 200)));
  const mixed: Row = {
    random: rank(test, () => 0),
    'router before issue 18: online, per task type': online(null),
    'per task type, learned offline': rank(test, byType),
    'per benchmark subject, learned offline': rank(test, bySubject),
    'prompt model: P(strong) − P(weak)': rank(test, scorers.gain),
    'prompt model: P(weak fails)': rank(test, scorers.weakFailure),
    'router with the prompt prior: online': online(model),
    'per-prompt oracle': rank(test, oracle),
  };
  // Which score suits chat prompts is chosen per seed on MT-Bench's train half (the weights never
  // see an MT-Bench prompt): the higher APGR there.
  const chosen = (['gain', 'weakFailure'] as const).reduce((a, b) =>
    rank(data.mtTrain, scorers[b]).apgr > rank(data.mtTrain, scorers[a]).apgr ? b : a,
  );
  const mtBench: Row = {
    random: rank(mtTest, () => 0),
    'per task type, learned offline (GSM8K + MMLU)': rank(mtTest, byType),
    'per MT-Bench category (MT-Bench train half)': rank(mtTest, byCategory),
    'prompt model: P(strong) − P(weak)': rank(mtTest, scorers.gain),
    'prompt model: P(weak fails)': rank(mtTest, scorers.weakFailure),
    'prompt model: score chosen on MT-Bench train half': rank(mtTest, scorers[chosen]),
    'per-prompt oracle': rank(mtTest, oracle),
  };
  return {
    mixed,
    mtBench,
    chosen,
    paced: PACER_TARGETS.map((target) => ({
      target,
      ...pacedRun(test, model, target, seededRandom(seed + 300 + Math.round(100 * target))),
    })),
    sizes: { learn: learn.length, test: test.length, mt: mtTest.length },
  };
}

function table(rows: readonly Row[]) {
  const names = Object.keys(rows[0] ?? {});
  return names.map((router) => {
    const of = (f: keyof RoutingFigures) => rows.map((r) => (r[router] as RoutingFigures)[f]);
    return {
      router,
      APGR: meanSd(of('apgr'), 3),
      'CPT(50%) %': meanSd(of('cpt50'), 1, 100),
      'CPT(80%) %': meanSd(of('cpt80'), 1, 100),
    };
  });
}

/** Replays every seed; returns the two tables and what they were measured on. */
export function replayRouteLlm() {
  const data = loadItems();
  const seeds = SEEDS.map((seed) => runSeed(data, seed));
  const mixed = table(seeds.map((s) => s.mixed));
  const mtBench = table(seeds.map((s) => s.mtBench));
  const paced = PACER_TARGETS.map((target, i) => {
    const runs = seeds.map((s) => s.paced[i] as (typeof s.paced)[number]);
    return {
      'spend target (% of always GPT-4)': 100 * target,
      'spent %': meanSd(
        runs.map((r) => r.costShare),
        1,
        100,
      ),
      'GPT-4 calls %': meanSd(
        runs.map((r) => r.share),
        1,
        100,
      ),
      PGR: meanSd(
        runs.map((r) => r.pgr),
        3,
      ),
    };
  });
  const at = (name: string) => seeds.map((s) => s.mixed[name] as RoutingFigures);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const prompt = at('prompt model: P(strong) − P(weak)');
  const mtPrompt = seeds.map(
    (s) => s.mtBench['prompt model: score chosen on MT-Bench train half'] as RoutingFigures,
  );
  return {
    source: `${ROUTELLM_SOURCE}, ${ROUTELLM_LICENCE}`,
    seeds: SEEDS,
    protocol: `per seed: fit on a random ${LEARN_SHARE * 100}% of the train half, scored on a random ${TEST_SHARE * 100}% of the test half (uncontaminated prompts only); MT-Bench scored on ${TEST_SHARE * 100}% of its test half`,
    sizes: seeds[0]?.sizes,
    mtBenchScoreChosen: seeds.map((s) => s.chosen),
    promptModel: DEFAULT_PROMPT_MODEL_CONFIG,
    reference:
      'RouteLLM paper, best learned router on MT-Bench: APGR ≈ 0.80, CPT(50%) 13.4%, CPT(80%) 31.3%; random ≈ 0.50 / 49% / 80%',
    targets: {
      'GSM8K + MMLU: APGR ≥ 0.65': mean(prompt.map((f) => f.apgr)) >= 0.65,
      'GSM8K + MMLU: CPT(50%) ≤ 25%': mean(prompt.map((f) => f.cpt50)) <= 0.25,
      'MT-Bench (no MT-Bench training): CPT(50%) ≤ 25%': mean(mtPrompt.map((f) => f.cpt50)) <= 0.25,
    },
    mixed,
    mtBench,
    paced,
  };
}

export function printReplay(replayed: ReturnType<typeof replayRouteLlm>): void {
  console.log(`\n## RouteLLM replay: GSM8K + MMLU, held out (${replayed.protocol})\n`);
  console.table(replayed.mixed);
  console.log(
    '\n## The cost knob: the router with the prompt prior held to a spend target by the pacer (GSM8K + MMLU)\n',
  );
  console.table(replayed.paced);
  console.log('\n## RouteLLM replay: MT-Bench judge scores, held out\n');
  console.table(replayed.mtBench);
  console.log(
    '\n## Replay targets (mean over seeds; GSM8K + MMLU: P(strong) − P(weak); MT-Bench: the score chosen on its train half)\n',
  );
  console.table(Object.entries(replayed.targets).map(([target, met]) => ({ target, met })));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const replayed = replayRouteLlm();
  printReplay(replayed);
  const file = new URL('./results/router.json', import.meta.url);
  const results = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...results, replay: replayed }, null, 2) + '\n');
}
