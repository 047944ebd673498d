import type { TaskType } from '../contracts.js';

/** A word that points at a task type, with how strongly. */
export interface WordCue {
  readonly type: TaskType;
  readonly weight: number;
}

/** Rows of (type, weight, space-separated lemmas): compact to read and to tune. */
type CueRow = readonly [TaskType, number, string];

function cueMap(rows: readonly CueRow[]): ReadonlyMap<string, WordCue> {
  const map = new Map<string, WordCue>();
  for (const [type, weight, words] of rows) {
    for (const word of words.split(' ')) map.set(word, { type, weight });
  }
  return map;
}

/**
 * Instruction verbs, by lemma. Weight 1 is a verb that names the task outright; lower weights are
 * verbs several task types use ("write", "create", "find"). A verb leading a sentence (the
 * imperative, after "please", "can you" …) counts `LEADING_VERB_FACTOR` times its weight.
 */
export const VERB_CUES = cueMap([
  ['summarisation', 1, 'summarize summarise condense recap digest abridge'],
  ['summarisation', 0.8, 'sum shorten'],
  ['summarisation', 0.6, 'highlight'],
  ['extraction', 1, 'extract pull parse capture enumerate scrape retrieve'],
  ['extraction', 0.8, 'quote list find'],
  ['extraction', 0.7, 'identify'],
  ['extraction', 0.4, 'get'],
  ['classification', 1, 'classify categorize categorise label tag triage'],
  ['classification', 0.8, 'flag sort group rate bucket mark'],
  ['classification', 0.6, 'assign detect'],
  ['classification', 0.4, 'determine'],
  ['planning', 1, 'plan schedule organise organize roadmap prioritise prioritize'],
  ['planning', 0.8, 'map'],
  ['planning', 0.7, 'outline'],
  ['planning', 0.4, 'propose design prepare'],
  ['planning', 0.3, 'set'],
  ['creative', 1, 'brainstorm compose invent imagine pitch craft'],
  ['creative', 0.7, 'rewrite'],
  ['creative', 0.5, 'draft write'],
  ['creative', 0.4, 'suggest'],
  ['creative', 0.3, 'come create'],
  ['analysis', 1, 'analyse analyze compare evaluate assess calculate estimate interpret'],
  ['analysis', 1, 'diagnose examine weigh investigate judge quantify forecast'],
  ['analysis', 0.7, 'review'],
  ['analysis', 0.6, 'explain'],
  ['code', 1, 'implement refactor debug fix compile deploy configure install'],
  ['code', 0.6, 'optimise optimize'],
  ['code', 0.5, 'convert'],
]);

/** How much more a sentence-leading (imperative) verb counts than the same verb elsewhere. */
export const LEADING_VERB_FACTOR = 3;

/** Content words, by lemma, that point at a type wherever they occur (each counted once). */
export const KEYWORD_CUES = cueMap([
  ['summarisation', 2.5, 'summary gist takeaway overview abstract synopsis recap'],
  ['summarisation', 2, 'nutshell highlight briefing'],
  ['summarisation', 1, 'brief bullet shorter'],
  ['extraction', 1.5, 'address phone sku iban swift field entity url signatory'],
  ['extraction', 1, 'date amount mention quantity deadline every employer party'],
  ['classification', 2.5, 'category sentiment spam toxic'],
  ['classification', 2, 'neutral urgency intent tone fraudulent label'],
  ['classification', 1.5, 'positive negative priority confidential informal department'],
  ['classification', 1, 'legitimate language'],
  ['planning', 2.5, 'roadmap'],
  ['planning', 2, 'plan milestone timeline checklist agenda cadence logistics calendar'],
  ['planning', 1.5, 'step phase schedule sprint rollout kickoff'],
  ['planning', 1, 'sequence owner task launch migrate'],
  ['creative', 3, 'poem slogan tagline haiku limerick jingle mascot lyric rhyme'],
  ['creative', 2.5, 'story'],
  ['creative', 2, 'catchy witty playful fictional creative'],
  ['creative', 1.5, 'fun engaging keynote speech ad toast'],
  ['creative', 1, 'bold idea theme blog'],
  ['analysis', 2.5, 'implication'],
  ['analysis', 2, 'elasticity'],
  ['analysis', 1.5, 'risk cause impact assumption significant roi'],
  ['analysis', 1, 'margin forecast uplift versus whether'],
  ['analysis', 0.5, 'better'],
  ['code', 3, 'typeerror'],
  ['code', 2.5, 'sql regex typescript javascript python golang docker dockerfile kubernetes'],
  ['code', 2.5, 'middleware eslint tsconfig bash css npm dataloader vitest jest debounce'],
  ['code', 2, 'function bug refactor endpoint java rust react postgres graphql resolver'],
  ['code', 2, 'compiler html git exception code cli redis monorepo'],
  ['code', 1.5, 'ci module schema repository undefined nan syntax loop node promise pod'],
  ['code', 1, 'api script component json query database test express error csv implementation'],
  ['conversation', 3, 'hi hello hey thanks thank bye goodbye haha lol'],
  ['conversation', 2, 'cheers ok okay sorry'],
  ['conversation', 1.5, 'cool'],
]);
