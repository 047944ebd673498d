import { BadInputError } from '@daena/platform/domain';

/**
 * Offline classification of an entry's content: which personal data it holds, the access level
 * that calls for, and what kind of entry it reads like. Pure and deterministic (regular
 * expressions and checksums, no model), so it runs on every write in microseconds.
 */
export type AccessLevel = 'PUBLIC' | 'RESTRICTED' | 'CONFIDENTIAL' | 'PERSONAL';
export type PersonalDataKind = 'EMAIL' | 'PHONE' | 'IBAN' | 'PAYMENT_CARD' | 'SALARY';
export type KnowledgeKind = 'NOTE' | 'FACT' | 'PROCEDURE' | 'DECISION' | 'POLICY' | 'REPORT';

/** Least to most strict. */
export const accessLevels: readonly AccessLevel[] = [
  'PUBLIC',
  'RESTRICTED',
  'CONFIDENTIAL',
  'PERSONAL',
];

export const strictness = (level: AccessLevel): number => accessLevels.indexOf(level);

/**
 * Contact details identify a person to the department (CONFIDENTIAL); bank accounts, cards and
 * pay belong to the person alone (PERSONAL), as GDPR art. 9-style "sensitive" data is treated.
 */
const levelFor: Record<PersonalDataKind, AccessLevel> = {
  EMAIL: 'CONFIDENTIAL',
  PHONE: 'CONFIDENTIAL',
  IBAN: 'PERSONAL',
  PAYMENT_CARD: 'PERSONAL',
  SALARY: 'PERSONAL',
};

interface Detector {
  kind: PersonalDataKind;
  pattern: RegExp;
  /** A checksum that tells a real number from a look-alike. */
  valid?: (match: string) => boolean;
}

const detectors: readonly Detector[] = [
  { kind: 'EMAIL', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu },
  // ISO 13616: country, two check digits, 11 to 30 alphanumerics, often grouped by four.
  {
    kind: 'IBAN',
    pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g,
    valid: (match) => ibanChecksumValid(match.replace(/ /g, '')),
  },
  {
    kind: 'PAYMENT_CARD',
    pattern: /\b\d(?:[ -]?\d){12,18}\b/g,
    valid: (match) => luhnValid(match.replace(/[ -]/g, '')),
  },
  // E.164-style or national numbers: a + or a leading 0, 8 to 15 digits in groups.
  { kind: 'PHONE', pattern: /(?:\+\d{1,3}|\b0)[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}\b/g },
  {
    kind: 'SALARY',
    pattern:
      /\b(?:salary|salaries|pay|wage|wages|compensation|earns|bonus|gehalt|salaire)\b[^.\n]{0,40}?(?:[$€£]\s?\d|\d[\d,. ]*\s?(?:k\b|[$€£]|usd|eur|gbp|chf))/giu,
  },
];

/** ISO 7064 mod 97-10, as ISO 13616 prescribes for IBANs. */
export function ibanChecksumValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** The Luhn check digit of payment card numbers (ISO/IEC 7812-1). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

/** The spans of personal data in `text`, in order, each with its kind. */
export function findPersonalData(
  text: string,
): { kind: PersonalDataKind; start: number; end: number }[] {
  const found: { kind: PersonalDataKind; start: number; end: number }[] = [];
  for (const { kind, pattern, valid } of detectors) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (valid && !valid(match[0])) continue;
      // A span already claimed (an IBAN's digits are not also a phone number) is skipped.
      if (found.some((span) => start < span.end && end > span.start)) continue;
      found.push({ kind, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The kinds of personal data in the content, each once, in a stable order. */
export function personalDataKinds(text: string): PersonalDataKind[] {
  const kinds = new Set(findPersonalData(text).map((span) => span.kind));
  return (Object.keys(levelFor) as PersonalDataKind[]).filter((kind) => kinds.has(kind));
}

/** The least strict level the content allows: PUBLIC without personal data. */
export function suggestAccessLevel(kinds: readonly PersonalDataKind[]): AccessLevel {
  return kinds.reduce<AccessLevel>(
    (level, kind) => (strictness(levelFor[kind]) > strictness(level) ? levelFor[kind] : level),
    'PUBLIC',
  );
}

/**
 * The author decides the level; choosing a less strict one than the content calls for needs a
 * reason, which is stored with the entry (BAD_USER_INPUT otherwise, before anything is written).
 */
export function checkAccessChoice(
  chosen: AccessLevel,
  suggested: AccessLevel,
  reason: string | null | undefined,
): void {
  if (strictness(chosen) >= strictness(suggested) || (reason ?? '').trim() !== '') return;
  throw new BadInputError(
    `the content holds personal data that calls for ${suggested}; choose it, or give an accessOverrideReason for ${chosen}`,
    'ACCESS_OVERRIDE_REASON_REQUIRED',
    { field: 'accessLevel', suggested, chosen },
  );
}

/** Cue words per kind, checked in this order; the title counts double. */
const kindCues: readonly [KnowledgeKind, RegExp][] = [
  ['POLICY', /\b(policy|policies|must|shall|required|prohibited|compliance|rule)\b/giu],
  ['PROCEDURE', /\b(how to|steps?|procedure|checklist|first|then|finally|runbook)\b/giu],
  ['DECISION', /\b(decided|decision|we chose|approved|agreed|resolved)\b/giu],
  ['REPORT', /\b(report|quarter|q[1-4]|results|forecast|summary|metrics|kpi)\b/giu],
  ['FACT', /\b(is|are|was|were|has|have) (a|an|the|\d)/giu],
];

/** The kind whose cue words occur most (title counted twice); NOTE when none does. */
export function classifyKind(title: string, body: string): KnowledgeKind {
  let best: KnowledgeKind = 'NOTE';
  let bestScore = 0;
  for (const [kind, cues] of kindCues) {
    const score = 2 * (title.match(cues)?.length ?? 0) + (body.match(cues)?.length ?? 0);
    if (score > bestScore) [best, bestScore] = [kind, score];
  }
  return best;
}
