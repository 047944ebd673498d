import type { EntityManager } from '@mikro-orm/postgresql';
import type { AlertEvaluator } from '../../alerts/operations/alert-evaluator.js';
import type { ForecastMonitor } from '../../forecasts/operations/forecast-monitor.js';
import { SeriesRepository } from '../store/series-repository.js';
import { scrapeTargets, type ScrapeOptions } from './scrape-targets.js';

/**
 * One round of the embedded monitoring, what Prometheus does on its own clock: scrape every
 * target, store the points, forecast (once a step) and evaluate the alert rules, predictive ones
 * included, at the scrape's instant.
 */
export function monitorTick(
  scrape: ScrapeOptions,
  fork: () => EntityManager,
  evaluator: AlertEvaluator,
  forecasts?: ForecastMonitor,
): (at: Date) => Promise<void> {
  return async (at) => {
    const points = await scrapeTargets(scrape, at);
    await new SeriesRepository(fork()).record(points);
    await evaluator.evaluate(at, (await forecasts?.tick(at)) ?? []);
  };
}
