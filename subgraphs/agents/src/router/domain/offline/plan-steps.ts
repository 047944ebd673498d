import { readPrompt } from '../classification/read-prompt.js';

/** Verbs that ask for the plan itself rather than name work to do. */
const REQUEST_VERBS = new Set(
  'plan need want help make be have do create draft outline schedule organise organize prepare design give lay map set propose break'.split(
    ' ',
  ),
);
const MAX_STEPS = 7;

/**
 * A template plan from the request's own words: the goal, one step per action it names
 * (verb plus what follows), one per main subject it mentions, then milestones and a review.
 */
export function planSteps(request: string): string[] {
  const prompt = readPrompt(request);
  const tokens = prompt.tokens;
  const actions: string[] = [];
  tokens.forEach((token, index) => {
    if (token.pos !== 'VERB' || REQUEST_VERBS.has(token.lemma)) return;
    const phrase = [token.value];
    for (const next of tokens.slice(index + 1, index + 6)) {
      if (next.type === 'punctuation' || next.pos === 'CCONJ' || next.pos === 'VERB') break;
      phrase.push(next.value);
    }
    actions.push(capitalise(phrase.join(' ')));
  });
  const actionWords = new Set(actions.join(' ').toLowerCase().split(' '));
  const subjects = [
    ...new Set(
      tokens
        .filter(
          (token) => (token.pos === 'NOUN' || token.pos === 'PROPN') && token.value.length > 2,
        )
        .map((token) => token.value)
        .filter(
          (word) => !actionWords.has(word.toLowerCase()) && !REQUEST_VERBS.has(word.toLowerCase()),
        ),
    ),
  ];
  const goal = (prompt.sentences[0] ?? request).trim().replace(/[.?!]+$/, '');
  const steps = [
    `Agree the goal, owner and deadline: "${goal}"`,
    ...actions,
    ...subjects.map((subject) => `Work out what ${subject} needs: owner, effort, risks`),
  ].slice(0, MAX_STEPS - 2);
  return [
    ...steps,
    'Set milestones and the order of the work',
    'Review progress weekly and adjust the plan',
  ];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
