import { describe, expect, it } from 'vitest';
import { nextCursor } from './scan-cursor.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, seconds));

describe('nextCursor', () => {
  it.each([
    { case: 'nothing seen: stays', seen: [], more: false, next: 0 },
    { case: 'newest seen less the overlap', seen: [20, 50, 35], more: false, next: 40 },
    { case: 'never back, within the overlap', seen: [5], more: false, next: 0 },
    { case: 'full page past the overlap: overlaps', seen: [30, 45], more: true, next: 35 },
    { case: 'full page inside the overlap: its newest', seen: [2, 4], more: true, next: 4 },
  ])('$case', ({ seen, more, next }) => {
    expect(nextCursor(at(0), seen.map(at), { more, overlapMs: 10_000 })).toEqual(at(next));
  });
});
