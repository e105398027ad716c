// A fixed log-scale histogram of durations, for percentiles from roll-ups that can be summed.
// Bucket 0 holds durations under 1 ms; bucket b ≥ 1 holds [R^(b-1), R^b) ms with R = 2^(1/4).
// A percentile is read as the geometric middle of the bucket that holds its rank, so it is
// within a factor √R of the true value at that rank: at most 9.05 % off (HISTOGRAM_MAX_ERROR).
// Stored dense from the first used bucket: { o: first bucket, c: counts } (plain number arrays
// parse and merge fast; never object keys).

export const HISTOGRAM_RATIO = 2 ** 0.25;
/** The largest relative error of a percentile read from the histogram: √R − 1 ≈ 0.0905. */
export const HISTOGRAM_MAX_ERROR = Math.sqrt(HISTOGRAM_RATIO) - 1;

export interface Histogram {
  /** The bucket of c[0]. */
  o: number;
  c: number[];
}

const LOG_R = Math.log(HISTOGRAM_RATIO);

export const emptyHistogram = (): Histogram => ({ o: 0, c: [] });

export function bucketOf(ms: number): number {
  if (!(ms >= 1)) return 0;
  return 1 + Math.floor(Math.log(ms) / LOG_R);
}

/** The value a bucket stands for: the geometric middle of its bounds (0 for the sub-millisecond bucket). */
export function bucketValue(b: number): number {
  return b <= 0 ? 0 : HISTOGRAM_RATIO ** (b - 0.5);
}

export function histogramOf(values: readonly number[]): Histogram {
  if (values.length === 0) return emptyHistogram();
  const buckets = values.map(bucketOf);
  const o = Math.min(...buckets);
  const c = new Array<number>(Math.max(...buckets) - o + 1).fill(0);
  for (const b of buckets) c[b - o] += 1;
  return { o, c };
}

/** The sum of histograms (a new one). */
export function mergeHistograms(...histograms: readonly Histogram[]): Histogram {
  let lo = Infinity;
  let hi = -Infinity;
  for (const h of histograms) {
    if (!h || h.c.length === 0) continue;
    lo = Math.min(lo, h.o);
    hi = Math.max(hi, h.o + h.c.length - 1);
  }
  if (lo === Infinity) return emptyHistogram();
  const c = new Array<number>(hi - lo + 1).fill(0);
  for (const h of histograms) {
    if (!h) continue;
    const shift = h.o - lo;
    for (let i = 0; i < h.c.length; i++) c[shift + i] += h.c[i];
  }
  return { o: lo, c };
}

export function histogramCount(h: Histogram): number {
  let n = 0;
  for (const x of h.c) n += x;
  return n;
}

/**
 * The p-th percentile (0 < p ≤ 1) by nearest rank: the value of the ceil(p·count)-th smallest
 * duration, estimated from its bucket. Null for an empty histogram.
 */
export function percentile(h: Histogram, p: number): number | null {
  const total = histogramCount(h);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (let i = 0; i < h.c.length; i++) {
    seen += h.c[i];
    if (seen >= rank) return bucketValue(h.o + i);
  }
  return bucketValue(h.o + h.c.length - 1);
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
