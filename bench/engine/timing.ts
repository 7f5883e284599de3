/**
 * Timing for the engine benchmark: warm up, calibrate how many calls fill a
 * sample, then take several samples and keep the median, because this
 * machine is shared and noisy.
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

/** Times `fn` (sync or async) per call: median over samples of a calibrated number of calls. */
export async function timeCalls(fn: () => unknown, options: TimingOptions): Promise<Timing> {
  const first = fn();
  const isAsync = first instanceof Promise;
  if (isAsync) await first;
  // A sync function is looped without awaits, so microtask overhead does not pollute fast calls.
  const run = async (calls: number): Promise<number> => {
    const start = performance.now();
    if (isAsync) for (let i = 0; i < calls; i++) await fn();
    else for (let i = 0; i < calls; i++) fn();
    return performance.now() - start;
  };
  await run(Math.max(0, options.warmupCalls - 1));
  const oneCall = Math.max(await run(1), 1e-3);
  const callsPerSample = Math.max(1, Math.round(options.sampleMs / oneCall));

  const perCall: number[] = [];
  for (let s = 0; s < options.samples; s++) perCall.push((await run(callsPerSample)) / callsPerSample);
  return {
    medianMs: median(perCall),
    minMs: Math.min(...perCall),
    maxMs: Math.max(...perCall),
    callsPerSample,
    samples: options.samples,
  };
}
