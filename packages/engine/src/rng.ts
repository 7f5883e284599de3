/**
 * A small, fast, seeded random source (sfc32) whose whole state is four
 * uint32 words, so it serializes to JSON and a restored generator continues
 * the exact same sequence. Every random draw in the engine goes through it:
 * that is what makes training reproducible in Node and in the browser.
 */

/** The generator's full state: four uint32 words, JSON-safe. */
export type RngState = [number, number, number, number];

const TWO_POW_32 = 4294967296;

/** splitmix32 step: spreads a 32-bit seed over the sfc32 state words. */
function splitmix32(state: number): { next: number; value: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return { next, value: z >>> 0 };
}

/**
 * Folds any finite number into 32 bits from its exact IEEE-754 bits, so seeds
 * like 1.5 or 2^40 differ from 1 and 0 (a plain `>>> 0` would not).
 */
function seedToUint32(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`Rng seed must be a finite number, got ${seed}`);
  if (Number.isInteger(seed) && seed >= 0 && seed < TWO_POW_32) return seed >>> 0;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, seed, true);
  const low = view.getUint32(0, true);
  const high = view.getUint32(4, true);
  return (low ^ Math.imul(high, 0x9e3779b1)) >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator seeded from any finite number; equal seeds give equal sequences. */
  constructor(seed: number) {
    let s = seedToUint32(seed);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const step = splitmix32(s);
      s = step.next;
      words.push(step.value);
    }
    this.a = words[0]!;
    this.b = words[1]!;
    this.c = words[2]!;
    this.d = words[3]!;
    // sfc32's first outputs are correlated with the seed; discard a few.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Restores a generator that continues exactly where `getState()` was taken. */
  static fromState(state: readonly number[]): Rng {
    if (!Array.isArray(state) || state.length !== 4) {
      throw new TypeError('Rng state must be an array of 4 uint32 numbers');
    }
    for (const word of state) {
      if (!Number.isInteger(word) || word < 0 || word >= TWO_POW_32) {
        throw new TypeError(`Rng state words must be uint32, got ${word}`);
      }
    }
    if (state.every((word) => word === 0)) throw new TypeError('Rng state must not be all zeros');
    const rng = new Rng(0);
    rng.a = state[0]! | 0;
    rng.b = state[1]! | 0;
    rng.c = state[2]! | 0;
    rng.d = state[3]! | 0;
    return rng;
  }

  /** The current state as four uint32 numbers (a copy). */
  getState(): RngState {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }

  /** The next raw 32-bit output, as an unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** A uniform number in [a, b). */
  uniform(a: number, b: number): number {
    return this.next() * (b - a) + a;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /**
   * A normal sample by the Marsaglia polar method, as the playground draws it:
   * note the second argument is the VARIANCE, not the standard deviation.
   */
  normal(mean = 0, variance = 1): number {
    let v1: number;
    let v2: number;
    let s: number;
    do {
      v1 = 2 * this.next() - 1;
      v2 = 2 * this.next() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s === 0);
    return mean + Math.sqrt(variance) * Math.sqrt((-2 * Math.log(s)) / s) * v1;
  }

  /** Shuffles `array` in place (Fisher–Yates) and returns it. */
  shuffle<T>(array: T[]): T[] {
    for (let counter = array.length - 1; counter > 0; counter--) {
      const index = this.int(counter + 1);
      const temp = array[counter]!;
      array[counter] = array[index]!;
      array[index] = temp;
    }
    return array;
  }
}
