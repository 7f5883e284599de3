/**
 * Snapshot bytes per socket per second (SNAP-6): each socket earns
 * `bytesPerSecond` of allowance, banking at most a quarter second's worth,
 * and a frame goes while the allowance is above zero, which it may overdraw.
 * The playground default network's frames (~160 bytes, two sessions at
 * 15 Hz: ~5 KB/s) never meet the budget; the largest network's (~1 KB at
 * 16 bits while playing) come about 8 times a second instead of 15, so a
 * classroom's Wi-Fi carries 30 students at 8 KB/s, not 30 KB/s.
 * 0: no budget.
 */
export class SnapshotBudget {
  private readonly sockets = new Map<string, { allowance: number; at: number }>();

  constructor(
    private readonly bytesPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether `socketId` may get a frame of `bytes` now; if so, the bytes are spent. */
  take(socketId: string, bytes: number): boolean {
    if (this.bytesPerSecond === 0) return true;
    const now = this.now();
    const cap = this.bytesPerSecond / 4;
    const entry = this.sockets.get(socketId);
    const allowance = entry ? Math.min(cap, entry.allowance + ((now - entry.at) / 1000) * this.bytesPerSecond) : cap;
    if (allowance <= 0) {
      this.sockets.set(socketId, { allowance, at: now });
      return false;
    }
    this.sockets.set(socketId, { allowance: allowance - bytes, at: now });
    return true;
  }

  /** Forget sockets not in `live` (gone): called now and then, so the map holds only connected sockets. */
  keepOnly(live: ReadonlySet<string>): void {
    for (const id of this.sockets.keys()) if (!live.has(id)) this.sockets.delete(id);
  }
}
