/** How the playground prints its numbers, identical in every language. */

/** The epoch counter: zero-padded to six digits with thousands commas (000,123), like the playground. */
export function formatEpoch(epoch: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(epoch) ? epoch : 0));
  const digits = String(whole).padStart(6, '0');
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A loss with three decimals; a missing one (null) shows as a dash, never "NaN". */
export function formatLoss(loss: number | null): string {
  return loss !== null && Number.isFinite(loss) ? loss.toFixed(3) : '—';
}

/** An accuracy in [0, 1] as a whole percentage; a missing one (null) shows as a dash. */
export function formatPercent(fraction: number | null): string {
  return fraction !== null && Number.isFinite(fraction) ? `${Math.round(fraction * 100)}%` : '—';
}

/** A weight or bias for a tooltip: three significant decimals, no "-0". */
export function formatParam(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const text = Math.abs(value) >= 1000 || (value !== 0 && Math.abs(value) < 0.001) ? value.toExponential(2) : value.toFixed(3);
  return text === '-0.000' ? '0.000' : text;
}

/** A rate from a menu (0.00001 … 10): plain decimals, exponent notation only below a millionth. */
export function formatRate(rate: number): string {
  return rate === 0 || Math.abs(rate) >= 1e-6 ? String(rate) : rate.toExponential();
}

/** A rate a schedule has reached (any number): two significant digits, so it stays short while it shrinks. */
export function formatRateNow(rate: number): string {
  if (!Number.isFinite(rate)) return '—';
  return String(Number(rate.toPrecision(2)));
}
