import { BadInputError } from '@daena/platform/domain';

/** One sample of a scrape: the metric name, its labels and value. */
export interface ScrapedSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const sampleLine = /^([A-Za-z_:][A-Za-z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const labelPair = /\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*,?/y;

function parseValue(text: string): number {
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

function unescape(text: string): string {
  return text.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  labelPair.lastIndex = 0;
  while (labelPair.lastIndex < text.length) {
    const start = labelPair.lastIndex;
    const match = labelPair.exec(text);
    if (!match || labelPair.lastIndex === start) {
      throw new BadInputError(`bad labels in ${JSON.stringify(line)}`, 'MALFORMED_EXPOSITION');
    }
    labels[match[1] ?? ''] = unescape(match[2] ?? '');
  }
  return labels;
}

/**
 * Prometheus's text exposition format (version 0.0.4, what prom-client serves): comments and
 * blank lines skipped, one sample per line, timestamps ignored (the scrape's time is used, as
 * Prometheus does by default for these). Throws MALFORMED_EXPOSITION on a line it cannot read.
 */
export function parseExposition(text: string): ScrapedSample[] {
  const samples: ScrapedSample[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = sampleLine.exec(line);
    const value = match ? parseValue(match[3] ?? '') : NaN;
    if (!match || Number.isNaN(value)) {
      throw new BadInputError(`unreadable sample ${JSON.stringify(line)}`, 'MALFORMED_EXPOSITION');
    }
    samples.push({ name: match[1] ?? '', labels: parseLabels(match[2] ?? '', line), value });
  }
  return samples;
}
