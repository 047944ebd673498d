import type { TaskType } from '../contracts.js';
import { leadingWords } from './leading-words.js';
import { CODE_SHAPE_CUES, PHRASE_CUES } from './pattern-cues.js';
import type { ReadPrompt } from './read-prompt.js';
import { KEYWORD_CUES, LEADING_VERB_FACTOR, VERB_CUES } from './word-cues.js';

/** One reason to think a prompt is of a type. */
export interface Evidence {
  readonly type: TaskType;
  readonly weight: number;
  readonly signal: string;
}

/** Code shapes found only in the context count this much of their weight. */
const CONTEXT_CODE_FACTOR = 0.5;
/** At most this many words make a "short message", typical of chit-chat. */
const SHORT_MESSAGE_WORDS = 4;
/** A question of at most this many words is more likely chat than analysis. */
const SHORT_QUESTION_WORDS = 7;

/**
 * Every cue the prompt shows: sentence-leading instruction verbs, keywords (each lemma once),
 * phrases, the shape of code (in the prompt, or weaker in the context), figures and length.
 */
export function collectEvidence(prompt: ReadPrompt, text: string, context: string): Evidence[] {
  const evidence: Evidence[] = [];
  const leading = new Set(leadingWords(prompt));
  const seen = new Set<string>();
  for (const token of prompt.tokens) {
    const verb = VERB_CUES.get(token.lemma) ?? VERB_CUES.get(token.normal);
    if (verb && leading.has(token)) {
      const signal = `verb "${token.value.toLowerCase()}"`;
      evidence.push({ ...verb, weight: verb.weight * LEADING_VERB_FACTOR, signal });
    }
    if (seen.has(token.lemma)) continue;
    seen.add(token.lemma);
    const keyword = KEYWORD_CUES.get(token.lemma) ?? KEYWORD_CUES.get(token.normal);
    if (keyword) evidence.push({ ...keyword, signal: `keyword "${token.value.toLowerCase()}"` });
    else if (verb && token.pos === 'VERB' && !leading.has(token)) {
      evidence.push({ ...verb, signal: `verb "${token.value.toLowerCase()}"` });
    }
  }
  const lower = text.toLowerCase().trim();
  for (const cue of PHRASE_CUES) {
    const match = cue.pattern.exec(lower);
    if (match) evidence.push({ ...cue, signal: cue.signal ?? `phrase "${clip(match[0])}"` });
  }
  for (const cue of CODE_SHAPE_CUES) {
    if (cue.pattern.test(text)) evidence.push({ ...cue, signal: cue.signal ?? 'code' });
    else if (context && cue.pattern.test(context)) {
      const signal = `${cue.signal ?? 'code'} in context`;
      evidence.push({ ...cue, weight: cue.weight * CONTEXT_CODE_FACTOR, signal });
    }
  }
  evidence.push(...shapeEvidence(prompt, lower));
  return evidence;
}

/** Length, question form and figures. */
function shapeEvidence(prompt: ReadPrompt, lower: string): Evidence[] {
  const words = prompt.tokens.filter((token) => token.type === 'word').length;
  const figures = prompt.tokens.filter((token) => token.type === 'number').length;
  const evidence: Evidence[] = [];
  if (words <= SHORT_MESSAGE_WORDS) {
    evidence.push({ type: 'conversation', weight: 1.5, signal: 'short message' });
  }
  if (lower.endsWith('?')) {
    evidence.push(
      words <= SHORT_QUESTION_WORDS
        ? { type: 'conversation', weight: 1, signal: 'short question' }
        : { type: 'analysis', weight: 0.75, signal: 'open question' },
    );
  }
  if (figures >= 2) evidence.push({ type: 'analysis', weight: 0.75, signal: 'figures' });
  return evidence;
}

/** Long phrase matches are cut so a signal stays one readable line. */
function clip(phrase: string, max = 40): string {
  return phrase.length <= max ? phrase : `${phrase.slice(0, max - 1)}…`;
}
