import type { StepRecord } from './run-steps.js';
import type { ProposedAction } from './run-tools.js';

/**
 * Most characters of one tool step in the next prompt: a search's ten entries with their snippets
 * (or one entry read) fit, and five actions stay a few thousand tokens.
 */
export const toolResultChars = 6_000;
/** Most characters of an action's arguments shown back (a written entry's body is not needed). */
const argumentChars = 500;

/**
 * The prompt of a model call after the first: the task, the model's answer so far, and each
 * action of the run with what it returned (read results, ids of what it made, refusals), so the
 * model goes on from what its reads found without doing again what is done.
 */
export function followUpPrompt(
  user: string,
  summary: string,
  tools: readonly Pick<StepRecord, 'input' | 'output' | 'status'>[],
): string {
  const lines = tools.map((step) => {
    const input = step.input as Partial<Extract<ProposedAction, { action: unknown }>> &
      Partial<Extract<ProposedAction, { code: string }>>;
    const what = input.action
      ? `${input.action.tool} ${clip(JSON.stringify(input.action.args), argumentChars)}`
      : `refused action (${input.code ?? 'unknown'})`;
    return `- ${what} → ${step.status}: ${clip(JSON.stringify(step.output ?? null), toolResultChars)}`;
  });
  return [
    user,
    '',
    `Your answer so far: ${summary}`,
    'Your actions so far and what they returned:',
    ...lines,
    '',
    'Go on with the task and answer with the same kind of JSON object; the actions above are done, do not ask for them again.',
  ].join('\n');
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}
