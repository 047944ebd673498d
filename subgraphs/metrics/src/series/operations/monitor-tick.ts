import type { EntityManager } from '@mikro-orm/postgresql';
import type { AlertEvaluator } from '../../alerts/operations/alert-evaluator.js';
import { SeriesRepository } from '../store/series-repository.js';
import { scrapeTargets, type ScrapeOptions } from './scrape-targets.js';

/**
 * One round of the embedded monitoring, what Prometheus does on its own clock: scrape every
 * target, store the points, evaluate the alert rules at the scrape's instant.
 */
export function monitorTick(
  scrape: ScrapeOptions,
  fork: () => EntityManager,
  evaluator: AlertEvaluator,
): (at: Date) => Promise<void> {
  return async (at) => {
    const points = await scrapeTargets(scrape, at);
    await new SeriesRepository(fork()).record(points);
    await evaluator.evaluate(at);
  };
}
