// Whether a line chart should draw its points: a day with data between two days without (or a
// range of one day) draws no line at all, so the chart looked blank. Pure.

/** True when some value of `key` has no value on either side, so only a dot can show it. */
export function hasIsolatedPoint<T>(series: readonly T[], value: (point: T) => number | null | undefined): boolean {
  const present = (i: number) => i >= 0 && i < series.length && value(series[i]) != null && Number.isFinite(value(series[i]) as number);
  return series.some((_, i) => present(i) && !present(i - 1) && !present(i + 1));
}

/** recharts' `dot` prop: small points when a line could not be seen without them. */
export function dotsFor<T>(series: readonly T[], value: (point: T) => number | null | undefined): false | { r: number } {
  return hasIsolatedPoint(series, value) ? { r: 3 } : false;
}
