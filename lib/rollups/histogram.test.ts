import { describe, expect, it } from "vitest";
import { HISTOGRAM_MAX_ERROR, bucketOf, exactPercentile, histogramCount, histogramOf, mergeHistograms, percentile, withinHistogramError } from "./histogram";

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe("duration histogram", () => {
  it("states an error under 10 %", () => {
    expect(HISTOGRAM_MAX_ERROR).toBeGreaterThan(0.09);
    expect(HISTOGRAM_MAX_ERROR).toBeLessThan(0.091);
  });

  it("puts sub-millisecond durations in bucket 0 and reads them back as 0", () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(0.4)).toBe(0);
    expect(percentile(histogramOf([0, 0, 0]), 0.5)).toBe(0);
  });

  it("is empty-safe", () => {
    expect(percentile(histogramOf([]), 0.5)).toBeNull();
    expect(mergeHistograms(histogramOf([]), histogramOf([]))).toEqual({ o: 0, c: [] });
    expect(exactPercentile([], 0.95)).toBeNull();
  });

  it("estimates p50 and p95 within the stated error on skewed random data", () => {
    const rand = seeded(42);
    for (let trial = 0; trial < 50; trial++) {
      const values = Array.from({ length: 1 + Math.floor(rand() * 2000) }, () => Math.round(Math.exp(rand() * 18)));
      const h = histogramOf(values);
      expect(histogramCount(h)).toBe(values.length);
      for (const p of [0.5, 0.9, 0.95, 0.99, 1]) {
        const est = percentile(h, p);
        const actual = exactPercentile(values, p);
        expect(withinHistogramError(est, actual), `p${p * 100}: ${est} vs ${actual}`).toBe(true);
      }
    }
  });

  it("gives the same answer whether values are merged from parts or added one by one", () => {
    const rand = seeded(7);
    const values = Array.from({ length: 500 }, () => rand() * 1e7);
    const parts = [values.slice(0, 100), values.slice(100, 333), values.slice(333)].map(histogramOf);
    let oneByOne = histogramOf([]);
    for (const v of values) oneByOne = mergeHistograms(oneByOne, histogramOf([v]));
    expect(mergeHistograms(...parts)).toEqual(oneByOne);
    expect(mergeHistograms(...parts)).toEqual(histogramOf(values));
  });

  it("holds exact bucket edges (powers of the ratio) within the error", () => {
    for (let k = 0; k < 120; k++) {
      const v = 2 ** (k / 4);
      expect(withinHistogramError(percentile(histogramOf([v]), 0.5), v)).toBe(true);
    }
  });
});
