import { describe, expect, it } from 'vitest';
import { candidateLabels } from './pick-label.js';

describe('candidateLabels', () => {
  it.each<[string, string[]]>([
    ['Classify these tickets by urgency: high, medium or low.', ['high', 'medium', 'low']],
    ['Label each email as spam or not spam.', ['spam', 'not spam']],
    [
      "Is this review positive, negative or neutral? 'Great, but slow.'",
      ['positive', 'negative', 'neutral'],
    ],
    ['Sort these leads into hot, warm and cold.', ['hot', 'warm', 'cold']],
    ['Which category: travel, meals or office supplies?', ['travel', 'meals', 'office supplies']],
    ['Classify this ticket.', []],
  ])('finds the labels in %j', (request, labels) => {
    expect(candidateLabels(request)).toEqual(labels);
  });
});
