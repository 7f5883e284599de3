/**
 * Timing for the engine benchmark: warm up, calibrate how many calls fill a
 * sample, then take several samples of every library in turn and keep each
 * one's median, because this machine is shared and noisy.
 */

export interface TimingOptions {
  /** calls before measuring, so the JIT has compiled the hot paths */
  warmupCalls: number;
  /** samples to take the median of */
  samples: number;
  /** aim for each sample to last about this long */
  sampleMs: number;
}

export interface Timing {
  /** median milliseconds per call */
  medianMs: number;
  /** fastest and slowest sample, per call */
  minMs: number;
  maxMs: number;
  callsPerSample: number;
  samples: number;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Times several functions (sync or async) per call, their samples interleaved so load drift hits all alike. */
export async function timeInterleaved(fns: readonly (() => unknown)[], options: TimingOptions): Promise<Timing[]> {
  const runners: ((calls: number) => Promise<number>)[] = [];
  for (const fn of fns) {
    const first = fn();
    const isAsync = first instanceof Promise;
    if (isAsync) await first;
    // A sync function is looped without awaits, so microtask overhead does not pollute fast calls.
    runners.push(async (calls) => {
      const start = performance.now();
      if (isAsync) for (let i = 0; i < calls; i++) await fn();
      else for (let i = 0; i < calls; i++) fn();
      return performance.now() - start;
    });
  }
  const callsPerSample: number[] = [];
  for (const run of runners) {
    await run(Math.max(0, options.warmupCalls - 1));
    const oneCall = Math.max(await run(1), 1e-3);
    callsPerSample.push(Math.max(1, Math.round(options.sampleMs / oneCall)));
  }
  const perCall: number[][] = runners.map(() => []);
  for (let s = 0; s < options.samples; s++) {
    for (let r = 0; r < runners.length; r++) perCall[r]!.push((await runners[r]!(callsPerSample[r]!)) / callsPerSample[r]!);
  }
  return perCall.map((samples, r) => ({
    medianMs: median(samples),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    callsPerSample: callsPerSample[r]!,
    samples: options.samples,
  }));
}
