import type { Logger } from '@daena/platform';
import { parseExposition } from '../domain/exposition-format.js';
import type { PointDraft } from '../store/series-repository.js';

export interface ScrapeOptions {
  /** /metrics URLs. */
  targets: readonly string[];
  /** A scrape slower than this counts as down (`up` 0), as in Prometheus's scrape_timeout. */
  timeoutMs: number;
  log: Logger;
}

/** `job`/`instance` labels as Prometheus sets them: the job name and the target's host:port. */
function targetLabels(url: string): Record<string, string> {
  return { job: 'daena', instance: new URL(url).host };
}

/**
 * Scrapes every target once, concurrently, at `at`: its samples (with `job` and `instance`) and
 * an `up` sample, 1 when the scrape answered in time with readable text, else 0. A failing target
 * never fails the others.
 */
export async function scrapeTargets(options: ScrapeOptions, at: Date): Promise<PointDraft[]> {
  const scraped = await Promise.all(
    options.targets.map(async (url): Promise<PointDraft[]> => {
      const target = targetLabels(url);
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const samples = parseExposition(await response.text());
        return [
          ...samples.map((sample) => ({
            name: sample.name,
            labels: { ...sample.labels, ...target },
            at,
            value: sample.value,
          })),
          { name: 'up', labels: target, at, value: 1 },
        ];
      } catch (error) {
        options.log.warn({ url, err: (error as Error).message }, 'scrape failed');
        return [{ name: 'up', labels: target, at, value: 0 }];
      }
    }),
  );
  return scraped.flat();
}
