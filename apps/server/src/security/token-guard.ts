import { KeyedRateLimiter } from './token-bucket';

/**
 * Per-address budget of wrong tokens over REST (rule SEC-4): the export's
 * teacher token and the /metrics bearer. As with room codes (HS-6) only a
 * wrong token spends it, so a teacher exporting again and again is never
 * throttled, while a guesser gets `burst` tries and then `perMinute`.
 */
export class TokenGuard {
  private readonly wrong: KeyedRateLimiter;

  constructor(perMinute: number, burst: number, now: () => number = Date.now) {
    this.wrong = new KeyedRateLimiter(perMinute / 60, burst, now);
  }

  /** Whether `address` may have a token checked now (checked before the token is, without spending). */
  mayTry(address: string): boolean {
    return this.wrong.hasBudget(address);
  }

  /** A wrong token from `address`: spends its budget. */
  guessed(address: string): void {
    this.wrong.take(address);
  }
}
