import { describe, expect, it } from 'vitest';
import { parseExposition } from './exposition-format.js';

describe('parseExposition', () => {
  it('reads prom-client text: comments, labels with escapes, +Inf, timestamps', () => {
    const text = [
      '# HELP up whether it answers',
      '# TYPE up gauge',
      'up 1',
      'http_bucket{le="+Inf",path="/a\\"b\\\\c"} 12 1700000000000',
      'x{a="1",} -Inf',
      '',
    ].join('\n');
    expect(parseExposition(text)).toEqual([
      { name: 'up', labels: {}, value: 1 },
      { name: 'http_bucket', labels: { le: '+Inf', path: '/a"b\\c' }, value: 12 },
      { name: 'x', labels: { a: '1' }, value: -Infinity },
    ]);
  });

  it.each(['up', 'up one', 'up{a=1} 2', '{a="1"} 2'])(
    'refuses %j as MALFORMED_EXPOSITION',
    (line) => {
      expect(() => parseExposition(line)).toThrow(
        expect.objectContaining({ reason: 'MALFORMED_EXPOSITION' }),
      );
    },
  );
});
