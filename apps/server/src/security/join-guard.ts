import type { SharedKnownCodes } from './shared-known-codes';
import type { RateLimiter } from './token-bucket';

/** Room codes remembered per address: a school runs a handful of classes at once. */
const KNOWN_CODES_PER_ADDRESS = 64;
/** Addresses remembered at most; the oldest are forgotten first (they only lose their head start). */
const MAX_ADDRESSES = 10_000;

/**
 * Who may try a room code (rule HS-6). Wrong codes and tokens spend the
 * address's budget; once it is spent, that address may still use the codes
 * it is known to have (it created the class, or someone behind it joined or
 * looked it up while it had budget), and students rejoin with their tokens.
 * So a guesser behind a school's address is stopped, and learns nothing it
 * could not already learn there, while the school's own classes go on.
 */
export class JoinGuard {
  /** address → codes it has used here, oldest first */
  private readonly known = new Map<string, string[]>();

  /**
   * `budget`: wrong codes and tokens per address, `joinRate` (HS-6); `shared`: the codes addresses used on
   * any process. Both through Redis in a many-process deployment, else this process's own.
   */
  constructor(
    private readonly budget: RateLimiter,
    private readonly shared: SharedKnownCodes | null = null,
  ) {}

  /** Whether `address` may try `code` now: it has budget, or it is known to have this code. */
  mayTry(address: string, code: string): boolean {
    return this.budget.hasBudget(address) || this.isKnown(address, code);
  }

  /** A wrong code or token from `address`: spends its budget. */
  guessed(address: string): void {
    this.budget.take(address);
  }

  /** `address` used `code` for real (created, joined, rejoined or looked up a class that exists). */
  used(address: string, code: string): void {
    this.shared?.remember(address, code);
    const codes = this.known.get(address) ?? [];
    if (codes.includes(code)) return;
    codes.push(code);
    if (codes.length > KNOWN_CODES_PER_ADDRESS) codes.shift();
    this.known.delete(address);
    this.known.set(address, codes);
    if (this.known.size > MAX_ADDRESSES) this.known.delete(this.known.keys().next().value!);
  }

  /** Resolves once every guess so far is counted where the budget lives (Redis, in a many-process deployment). */
  async settled(): Promise<void> {
    await Promise.all([this.budget.settled(), this.shared?.settled()]);
  }

  /** Whether `address` has used `code` for real (its students reloading an ended class's page guess nothing). */
  knows(address: string, code: string): boolean {
    return this.isKnown(address, code);
  }

  private isKnown(address: string, code: string): boolean {
    return (this.known.get(address)?.includes(code) ?? false) || (this.shared?.knows(address, code) ?? false);
  }
}
