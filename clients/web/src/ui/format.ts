/** 0.42 → "42%"; null → "–" (not known yet). */
export const percent = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined ? '–' : `${(value * 100).toFixed(digits)}%`;

export const formatUsd = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : `$${value.toFixed(value < 1 ? 4 : 2)}`;

export const formatTime = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' }) : '–';

export const formatNumber = (value: number | null | undefined, digits = 2): string =>
  value === null || value === undefined ? '–' : value.toFixed(digits);

/** An enum value as words: CROSS_DEPARTMENT → "cross department". */
export const words = (value: string): string => value.toLowerCase().replace(/_/g, ' ');
