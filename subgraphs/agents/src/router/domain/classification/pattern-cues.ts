import type { TaskType } from '../contracts.js';

/** A pattern that points at a task type; `signal` names it, or the matched phrase is quoted. */
export interface PatternCue {
  readonly type: TaskType;
  readonly weight: number;
  readonly pattern: RegExp;
  readonly signal?: string;
}

type PatternRow = readonly [TaskType, number, RegExp, string?];

const rows = (list: readonly PatternRow[]): readonly PatternCue[] =>
  list.map(([type, weight, pattern, signal]) => ({ type, weight, pattern, signal }));

/** Multi-word phrases, matched on the lower-cased prompt (not the context). */
export const PHRASE_CUES = rows([
  ['summarisation', 4, /\btl;? ?dr\b/],
  ['summarisation', 3, /\bsum(?:s|med)? up\b|\bboil(?:s|ed)? .{0,40}\bdown\b|\bthe gist\b/],
  ['summarisation', 2.5, /\b(?:main|key|most important) (?:points|takeaways|decisions)\b/],
  [
    'summarisation',
    2,
    /\bin (?:one|two|three|four|five|a few|\d+) (?:sentences?|paragraphs?|words)\b/,
  ],
  [
    'summarisation',
    2,
    /\bwhat does (?:this|the) .{0,40}\bsay\b|\bshort version\b|\bin a nutshell\b/,
  ],
  [
    'summarisation',
    2.5,
    /\bthings (?:i|we) (?:must|need to|should) know\b|\bwhat we .{0,12}need to know\b/,
  ],
  ['summarisation', 2, /\bmake (?:this|it|the) .{0,40}\bshorter\b|\bno time to read\b/],
  [
    'extraction',
    2.5,
    /\b(?:list|find|extract|pull|get|identify|capture) (?:out )?(?:all|every|each)\b/,
  ],
  ['extraction', 2.5, /\bpull\b.{0,40}\bout\b|\bwhich .{0,40}\b(?:are named|mentioned|mention)\b/],
  ['extraction', 2, /\bquote them\b|\binto fields\b|\bfind the dates?\b|\bmentions of\b/],
  ['extraction', 2, /\bwhat is the .{0,40}\bon this (?:invoice|document|contract|form|receipt)\b/],
  [
    'extraction',
    2,
    /\b(?:the )?(?:names|list) of (?:the |all )?|\bcopy out\b|\ball the \w+ in this\b/,
  ],
  ['extraction', 1.5, /\bwhich \w+ in (?:the|this|these) \w+ (?:are|is|were|was)\b/],
  ['extraction', 1.5, /\bemail address|\bphone number|\btable of every\b|\bas json\b/],
  ['classification', 3, /\bwhich (?:category|department|team|bucket|class|label)\b/],
  ['classification', 3, /\bpositive,? (?:or )?negative\b|\bfrom p\d to p\d\b|\bnot spam\b/],
  ['classification', 2, /\b(?:is|does) this .{0,60}\bor\b.{0,40}\?/, 'either-or question'],
  ['classification', 2, /\b(?:as|into) \w+(?:, \w+)* (?:or|and) \w+\b/, 'list of labels'],
  ['classification', 2, /\byes or no\b|\bput .{0,40}\binto (?:categories|buckets|groups)\b/],
  ['classification', 1.5, /\bwhether .{0,60}\bor\b/, 'either-or question'],
  ['planning', 3, /\bsteps? to\b|\bmap(?:s|ped)? out\b|\blay(?:s)? out\b|\b30-60-90\b/],
  ['planning', 2.5, /\bbreak (?:down|.{0,30} into tasks)\b|\bstep[- ]by[- ]step\b/],
  ['planning', 2, /\bhow should we (?:organi[sz]e|roll ?out|structure|sequence|approach)\b/],
  ['planning', 1.5, /\bover the next \w+ (?:days|weeks|months|quarters?)\b|\bnext quarter\b/],
  ['planning', 1, /\bset up a\b|\bwithin \d+ (?:weeks|months)\b/],
  [
    'creative',
    3,
    /\b(?:dream|make) up\b|\bcome up with\b|\bsubject lines?\b|\bopening paragraph\b/,
  ],
  ['creative', 1.5, /\bideas? for\b|\bsounds? (?:human|friendly|fun)\b/],
  ['analysis', 3, /\bpros and cons\b|\broot cause\b|\bwhat explains\b|\bis it better\b/],
  ['analysis', 2.5, /\bhow (?:does|would|will) .{0,50}\baffect\b|\bbreak-even\b/],
  ['analysis', 2, /\bwhy\b|\bstatistically significant\b|\bleave room\b/],
  ['analysis', 2, /\btell me (?:which|why|how|whether|where)\b|\bwhat (?:would|will) happen\b/],
  ['analysis', 1.5, /\b(?:would|will) .{0,60}\b(?:reduce|increase|improve)\b/],
  ['code', 4, /\bstack trace\b/],
  ['code', 3, /\bpull request\b|\bcode review\b/],
  ['code', 2.5, /\bunit tests?\b|\bcannot find module\b/],
  ['code', 1.5, /\bhow do i (?:configure|install|fix|set up|deploy|import)\b|\bone-liner\b/],
  ['conversation', 4, /^(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks|thank you)\b/],
  ['conversation', 4, /\b(?:who|what) are you\b|\bwhat can you do\b|\byour name\b/],
  ['conversation', 4, /\bare you (?:a|an|real|human|there|ok)\b|\bhow(?:'s| is) it going\b/],
  ['conversation', 4, /\bhow are you\b|\bnice to meet you\b/],
  ['conversation', 3, /\bdo you (?:like|work|remember|enjoy)\b|\bcan you remember\b/],
  ['conversation', 3, /^(?:i'm|i am) (?:having|feeling)\b|^(?:bye|ok|okay|sorry|haha)\b/],
  ['conversation', 2, /\bhave a (?:great|good|nice)\b/],
]);

/** Shapes of code, matched on the prompt and its context as written (case matters). */
export const CODE_SHAPE_CUES = rows([
  ['code', 5, /```/, 'code fence'],
  ['code', 1.5, /`[^`\n]+`/, 'inline code'],
  ['code', 1.5, /\b[A-Za-z_$][\w$.]*\([^()\n]*\)/, 'call syntax'],
  ['code', 1.5, /=>|===|!==|&&|\|\||[{};]\s*$/m, 'code operators'],
  ['code', 1, /\b[a-z]+[A-Z]\w*\b/, 'camelCase identifier'],
  ['code', 2, /\bE[A-Z]{4,}\b|\b\d{1,3}(?:\.\d{1,3}){3}:\d+\b/, 'error code or address'],
  ['code', 2, /\b[\w-]+\.(?:ts|tsx|js|mjs|py|go|rs|java|rb|sql|sh|yaml|yml)\b/, 'source file name'],
  ['code', 2, /\bSELECT\b[\s\S]+\bFROM\b/i, 'SQL statement'],
]);
