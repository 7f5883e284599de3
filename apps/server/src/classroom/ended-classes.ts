/**
 * The codes of classes that ended (their teacher ended them, or they were
 * archived idle), so a late joiner or a reloading student hears "this class
 * has ended" rather than "no such class" (HS-3). Newest last; past `limit`
 * the oldest is forgotten and its code is, again, just unknown.
 */
export class EndedClasses {
  /** code → when it ended (epoch ms), oldest first */
  private readonly codes = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Remember that the class with this code ended (again: it moves to the newest). */
  remember(code: string, endedAt = Date.now()): void {
    this.codes.delete(code);
    this.codes.set(code, endedAt);
    if (this.codes.size > this.limit) this.codes.delete(this.codes.keys().next().value!);
  }

  /** Whether a class with this code ended (and no live class has it: the caller asks live classes first). */
  has(code: string): boolean {
    return this.codes.has(code);
  }

  get size(): number {
    return this.codes.size;
  }
}
