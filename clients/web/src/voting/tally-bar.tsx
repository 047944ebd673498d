import type { DashboardTallyFragment } from '@daena/sdk';
import { percent } from '../ui/format.js';

/**
 * The tally as a bar of fixed size: while round 1 is blind it fills with participation (who
 * voted, not how); after, with approve / reject / abstain shares, the threshold marked on it.
 */
export function TallyBar({ tally }: { tally: DashboardTallyFragment }) {
  const counted = Math.max(1, (tally.approve ?? 0) + (tally.reject ?? 0) + (tally.abstain ?? 0));
  const segments = tally.blind
    ? [{ kind: 'voted', share: tally.participation, label: 'voted' }]
    : [
        { kind: 'approve', share: (tally.approve ?? 0) / counted, label: 'approve' },
        { kind: 'reject', share: (tally.reject ?? 0) / counted, label: 'reject' },
        { kind: 'abstain', share: (tally.abstain ?? 0) / counted, label: 'abstain' },
      ];
  const summary = tally.blind
    ? `Round ${tally.round} is blind: ${tally.votesCounted} of ${tally.stakeholders} stakeholders voted (${percent(tally.participation)} participation)`
    : `Round ${tally.round}: ${tally.approve ?? 0} approve, ${tally.reject ?? 0} reject, ${tally.abstain ?? 0} abstain; support ${percent(tally.support)}${
        tally.interval
          ? ` (95% interval ${percent(tally.interval.low)}–${percent(tally.interval.high)})`
          : ''
      }`;
  return (
    <figure className="tally" data-votes-counted={tally.votesCounted}>
      <div className="tally-bar" role="img" aria-label={summary}>
        {segments.map((segment) => (
          <span
            key={segment.kind}
            className={`tally-segment tally-${segment.kind}`}
            style={{ width: `${(segment.share * 100).toFixed(2)}%` }}
          />
        ))}
        {tally.threshold !== null && tally.threshold !== undefined && !tally.blind && (
          <span
            className="tally-threshold"
            style={{ left: `${(tally.threshold * 100).toFixed(2)}%` }}
          />
        )}
      </div>
      <figcaption aria-live="polite" data-testid="tally-summary">
        {summary}
      </figcaption>
    </figure>
  );
}
