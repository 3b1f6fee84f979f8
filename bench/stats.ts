/** Summary statistics shared by the benchmarks (nearest-rank percentiles). */

/** The value at quantile `q` of ascending `sorted` by the nearest-rank method; NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

function round(v: number): number {
  return v < 1 ? Math.round(v * 1000) / 1000 : Math.round(v * 100) / 100
}

/** Median, p95 and max of timings in milliseconds, with the sample count. */
export function stats(samples: readonly number[]): {
  medianMs: number
  p95Ms: number
  maxMs: number
  samples: number
} {
  const s = [...samples].sort((a, b) => a - b)
  return {
    medianMs: round(quantile(s, 0.5)),
    p95Ms: round(quantile(s, 0.95)),
    maxMs: round(s.at(-1) ?? NaN),
    samples: s.length,
  }
}
