// A fixed log-scale histogram of durations, for percentiles from roll-ups that can be summed.
// Bucket 0 holds durations under 1 ms; bucket b ≥ 1 holds [R^(b-1), R^b) ms with R = 2^(1/4).
// A percentile is read as the geometric middle of the bucket that holds its rank, so it is
// within a factor √R of the true value at that rank: at most 9.05 % off (HISTOGRAM_MAX_ERROR).
// Buckets are stored sparse, as { b, n } pairs sorted by b (arrays, never object keys).

export const HISTOGRAM_RATIO = 2 ** 0.25;
/** The largest relative error of a percentile read from the histogram: √R − 1 ≈ 0.0905. */
export const HISTOGRAM_MAX_ERROR = Math.sqrt(HISTOGRAM_RATIO) - 1;

export interface Bucket {
  b: number;
  n: number;
}

const LOG_R = Math.log(HISTOGRAM_RATIO);

export function bucketOf(ms: number): number {
  if (!(ms >= 1)) return 0;
  return 1 + Math.floor(Math.log(ms) / LOG_R);
}

/** The value a bucket stands for: the geometric middle of its bounds (0 for the sub-millisecond bucket). */
export function bucketValue(b: number): number {
  return b <= 0 ? 0 : HISTOGRAM_RATIO ** (b - 0.5);
}

/** A new histogram with `n` more values in the bucket of `ms`. */
export function addValue(histogram: readonly Bucket[], ms: number, n = 1): Bucket[] {
  return mergeHistograms(histogram, [{ b: bucketOf(ms), n }]);
}

export function histogramOf(values: readonly number[]): Bucket[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(bucketOf(v), (counts.get(bucketOf(v)) ?? 0) + 1);
  return [...counts].map(([b, n]) => ({ b, n })).sort((x, y) => x.b - y.b);
}

export function mergeHistograms(...histograms: readonly (readonly Bucket[])[]): Bucket[] {
  const counts = new Map<number, number>();
  for (const h of histograms) for (const { b, n } of h) counts.set(b, (counts.get(b) ?? 0) + n);
  return [...counts].filter(([, n]) => n > 0).map(([b, n]) => ({ b, n })).sort((x, y) => x.b - y.b);
}

export function histogramCount(histogram: readonly Bucket[]): number {
  return histogram.reduce((sum, { n }) => sum + n, 0);
}

/**
 * The p-th percentile (0 < p ≤ 1) by nearest rank: the value of the ceil(p·count)-th smallest
 * duration, estimated from its bucket. Null for an empty histogram.
 */
export function percentile(histogram: readonly Bucket[], p: number): number | null {
  const total = histogramCount(histogram);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const { b, n } of histogram) {
    seen += n;
    if (seen >= rank) return bucketValue(b);
  }
  return bucketValue(histogram[histogram.length - 1].b);
}

/** The exact nearest-rank percentile of a list of values: what the histogram estimates. */
export function exactPercentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
}

/** True when `estimate` is within the histogram's stated error of `actual` (sub-millisecond values read as 0). */
export function withinHistogramError(estimate: number | null, actual: number | null): boolean {
  if (estimate === null || actual === null) return estimate === actual;
  if (actual < 1) return estimate === 0;
  return Math.abs(estimate - actual) / actual <= HISTOGRAM_MAX_ERROR + 1e-9;
}
