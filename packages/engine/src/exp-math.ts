/**
 * exp, expm1 and tanh written with + − × ÷ and two small tables.
 *
 * Why not Math.exp / Math.tanh: in V8 they are calls into C that cost about
 * 5–10 times a multiply-add, and tanh is most of a playground network's
 * work. These inline into the layer loops and run several times faster.
 * They are also the same bit for bit in every JavaScript engine (IEEE
 * arithmetic is exactly rounded; Math.exp and Math.tanh are not specified to
 * the last bit), which the engine's determinism wants anyway.
 *
 * Accuracy: exp within a few ulp; expm1 and tanh within 1e-14 relative
 * (about 20 ulp at worst, near ±ln2/64, where the absolute error is ~1e-17).
 * Tests compare them with Math.*.
 *
 * Method: x = (32m + j)·ln2/32 + r with |r| ≤ ln2/64, then
 * e^x = 2^m · 2^(j/32) · e^r, with e^r − 1 by a degree-6 polynomial.
 */

/** Adding and subtracting 1.5·2^52 rounds a double (|x| < 2^51) to the nearest integer. */
const ROUND = 6755399441055744;
const N = 32;
const INV_STEP = N / Math.LN2;
// ln2/32 split in two so that k·STEP_HI is exact (fdlibm's split of ln 2, divided by 32)
const STEP_HI = 6.93147180369123816490e-1 / N;
const STEP_LO = 1.90821492927058770002e-10 / N;

/** 2^(j/32), j = 0..31 */
const FRACTION_POWERS = Float64Array.from({ length: N }, (_, j) => 2 ** (j / N));
/** 2^m for m = −1080..1023, at index m + POW2_BIAS */
const POW2_BIAS = 1080;
const INTEGER_POWERS = Float64Array.from({ length: POW2_BIAS + 1024 }, (_, i) => 2 ** (i - POW2_BIAS));

const C2 = 1 / 2;
const C3 = 1 / 6;
const C4 = 1 / 24;
const C5 = 1 / 120;
const C6 = 1 / 720;

/** e^r − 1 for |r| ≤ ln2/64, degree 6, evaluated in pairs (Estrin) for a shorter dependency chain. */
function expm1Polynomial(r: number): number {
  const r2 = r * r;
  return r + r2 * (C2 + r * C3 + r2 * (C4 + r * C5 + r2 * C6));
}

/** Largest x with a finite e^x, and the x below which e^x rounds to 0. */
const EXP_MAX = 709.782712893384;
const EXP_MIN = -745.1332191019412;

/** e^x − 1, for x in [EXP_MIN, EXP_MAX]; no range checks. */
function expm1InRange(x: number): number {
  const kf = x * INV_STEP + ROUND - ROUND;
  const k = kf | 0;
  const r = x - kf * STEP_HI - kf * STEP_LO;
  const q = expm1Polynomial(r);
  const s = FRACTION_POWERS[k & 31]! * INTEGER_POWERS[(k >> 5) + POW2_BIAS]!;
  return s * q + (s - 1);
}

/** e^x. */
export function exp(x: number): number {
  if (x > EXP_MAX) return Infinity;
  if (!(x >= EXP_MIN)) return x !== x ? x : 0;
  const kf = x * INV_STEP + ROUND - ROUND;
  const k = kf | 0;
  const r = x - kf * STEP_HI - kf * STEP_LO;
  const q = expm1Polynomial(r);
  const t = FRACTION_POWERS[k & 31]!;
  return (t + t * q) * INTEGER_POWERS[(k >> 5) + POW2_BIAS]!;
}

/** e^x − 1, accurate near 0. */
export function expm1(x: number): number {
  if (x > EXP_MAX) return Infinity;
  if (!(x >= -40)) return x !== x ? x : -1;
  return expm1InRange(x);
}

// tanh needs e^y only for |y| < 40, so one table of 2^(k/32) covers it:
// one load instead of two and a multiply (tanh is the hot one).
const TANH_LIMIT = 20;
const TANH_K = Math.ceil(2 * TANH_LIMIT * INV_STEP) + 1;
const TANH_POWERS = Float64Array.from({ length: 2 * TANH_K + 1 }, (_, i) => 2 ** ((i - TANH_K) / N));

/** The hyperbolic tangent. */
export function tanh(x: number): number {
  // beyond ±20, tanh is ±1 to double precision
  if (!(x < TANH_LIMIT && x > -TANH_LIMIT)) return x !== x ? x : x > 0 ? 1 : -1;
  const y = 2 * x;
  const kf = y * INV_STEP + ROUND - ROUND;
  const r = y - kf * STEP_HI - kf * STEP_LO;
  const s = TANH_POWERS[(kf | 0) + TANH_K]!;
  const e = s * expm1Polynomial(r) + (s - 1); // e^y − 1
  return e / (e + 2);
}

/** The logistic function 1 / (1 + e^−x). */
export function sigmoid(x: number): number {
  return 1 / (1 + exp(-x));
}
