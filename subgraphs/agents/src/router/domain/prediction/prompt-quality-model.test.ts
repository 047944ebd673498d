import { describe, expect, it } from 'vitest';
import { seededRandom } from '../learning/seeded-random.js';
import { PromptModelFileError } from '../errors.js';
import { parsePromptModel, serializePromptModel } from './prompt-model-file.js';
import {
  predictPromptQuality,
  trainPromptQualityModel,
  type PromptModelConfig,
  type TrainingExample,
} from './prompt-quality-model.js';

const config: PromptModelConfig = { dimensions: 1 << 12, l2: 1e-4, epochs: 8, learningRate: 0.2 };

/** The weak model fails arithmetic word problems and gets trivia right; the strong one both. */
function examples(n: number): TrainingExample[] {
  const random = seededRandom(3);
  return Array.from({ length: n }, (_, i) => {
    const maths = i % 2 === 0;
    const a = Math.floor(random() * 90) + 10;
    const text = maths
      ? `A farmer has ${a} sheep and buys ${a + 7} more. How many sheep does he have now?`
      : `Which river flows through the capital city number ${a}? Answer with one word.`;
    return { text, quality: { strong: 1, weak: maths ? 0 : 1 } };
  });
}

describe('trainPromptQualityModel', () => {
  const model = trainPromptQualityModel(examples(400), config, seededRandom(5));

  it('predicts, per prompt, which model answers well', () => {
    const maths = predictPromptQuality(model, 'A baker has 31 loaves and buys 40 more. How many?');
    const trivia = predictPromptQuality(model, 'Which river flows through Vienna?');
    expect(maths.get('weak')).toBeLessThan(0.3);
    expect(trivia.get('weak')).toBeGreaterThan(0.7);
    expect(maths.get('strong')).toBeGreaterThan(0.7);
  });

  it('records each profile’s average prediction over its training prompts', () => {
    expect(model.averages.get('weak')).toBeGreaterThan(0.35);
    expect(model.averages.get('weak')).toBeLessThan(0.65);
    expect(model.averages.get('strong')).toBeGreaterThan(0.8);
  });

  it('is reproducible: the same data and seed give the same weights', () => {
    const again = trainPromptQualityModel(examples(400), config, seededRandom(5));
    expect([...(again.profiles.get('weak')?.weights ?? [])]).toEqual([
      ...(model.profiles.get('weak')?.weights ?? []),
    ]);
  });

  it('survives serialization exactly', () => {
    const provenance = { source: 'test', licence: 'none', trainedOn: '400 prompts', config };
    const read = parsePromptModel(serializePromptModel(model, provenance));
    const text = 'A farmer has 12 sheep and buys 19 more. How many sheep does he have now?';
    expect(predictPromptQuality(read, text)).toEqual(predictPromptQuality(model, text));
    expect(read.averages).toEqual(model.averages);
    expect(read.trainedOn).toBe('400 prompts');
  });
});

describe('parsePromptModel', () => {
  it.each([
    ['not JSON', '{'],
    ['another format', JSON.stringify({ format: 'other/1' })],
    [
      'weights of the wrong length',
      JSON.stringify({
        format: 'daena-prompt-quality/1',
        source: 's',
        licence: 'l',
        trainedOn: 't',
        config: { dimensions: 8, l2: 0, epochs: 1, learningRate: 0.1 },
        profiles: { a: { bias: 0, average: 0.5, weights: Buffer.alloc(12).toString('base64') } },
      }),
    ],
  ])('refuses %s with PROMPT_MODEL_INVALID', (_case, text) => {
    const thrown = (() => {
      try {
        parsePromptModel(text);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(PromptModelFileError);
    expect(thrown).toMatchObject({ reason: 'PROMPT_MODEL_INVALID' });
  });
});
