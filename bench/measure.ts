// Timing helpers: warm up, then take the median of several runs.
export function now(): number {
  return performance.now();
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns each run's milliseconds. */
export async function timeRuns(
  fn: () => unknown | Promise<unknown>,
  opts: { runs: number; warmup?: number },
): Promise<number[]> {
  for (let i = 0; i < (opts.warmup ?? 1); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const t = now();
    await fn();
    times.push(now() - t);
  }
  return times;
}

let peakRss = 0;
/** Samples this process's resident memory; the benchmark reports the peak. */
export function sampleMemory(): void {
  peakRss = Math.max(peakRss, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024);
}
export function peakMemoryMB(): number {
  sampleMemory();
  return Math.round(peakRss / (1024 * 1024));
}
