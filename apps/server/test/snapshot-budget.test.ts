import type { SnapshotMessage } from '@playroom/protocol';
import { describe, expect, it } from 'vitest';
import { command, startClass, useServer } from './harness';

const LARGEST = {
  dataset: 'spiral',
  features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2', 'cosx1', 'cosx2'],
  hiddenLayers: [8, 8, 8, 8, 8, 8],
};

/** A student's snapshots of the playing class session over `seconds`: frames and bytes per second. */
async function received(config: object | undefined, url: string, seconds: number): Promise<{ perSecond: number; bytesPerSecond: number }> {
  const room = await startClass({ url }, { students: ['Ana'], ...(config ? { config } : {}) });
  try {
    const [ana] = room.students;
    expect((await command(room.teacher.socket, { type: 'play', sessionId: room.created.sessionId })).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    let frames = 0;
    let bytes = 0;
    ana!.socket.on('snapshot', (message: SnapshotMessage) => {
      frames++;
      bytes += (message.bytes as Uint8Array).byteLength;
    });
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    return { perSecond: frames / seconds, bytesPerSecond: bytes / seconds };
  } finally {
    room.close();
  }
}

/*
 * SNAP-6: a socket gets at most SNAPSHOT_BYTES_PER_SECOND (8,000) of
 * snapshots. Before it, a student watching the largest network (9 features,
 * 6×8) got 15 frames a second: 16.9 KB/s at 16 bits per parameter (SNAP-2),
 * ~28 KB/s at Float32; after, 7 frames and 7.9 KB/s. The default network
 * (15 frames, 3.8 KB/s) is never held back.
 */
describe('snapshot budget', () => {
  const server = useServer();

  it('SNAP-6: the largest network reaches a student at ≤ 8 KB/s, still several frames a second; the default network at the full rate', async () => {
    const largest = await received(LARGEST, server.url, 4);
    console.log(`largest network: ${largest.perSecond.toFixed(1)} snapshots/s, ${(largest.bytesPerSecond / 1000).toFixed(1)} KB/s`);
    // a quarter second's bank and one overdrawn frame on top of 4 s at 8 KB/s
    expect(largest.bytesPerSecond).toBeLessThanOrEqual(8000 + (2000 + 2000) / 4);
    expect(largest.perSecond).toBeGreaterThanOrEqual(4);
    const small = await received(undefined, server.url, 3);
    console.log(`default network: ${small.perSecond.toFixed(1)} snapshots/s, ${(small.bytesPerSecond / 1000).toFixed(1)} KB/s`);
    expect(small.perSecond).toBeGreaterThanOrEqual(12);
  }, 30_000);
});
