import { DEFAULT_CONFIG, parameterCount } from '@playroom/engine';
import { describe, expect, it } from 'vitest';
import { playgroundFileOf, readPlaygroundFile } from './playground-file';
import type { SessionExport } from './schemas/rest-schemas';
import type { SessionState } from './schemas/state-schemas';
import { PROTOCOL_VERSION } from './version';

const SIZES = [2, 2, 1];

function state(overrides: Partial<SessionState> = {}): SessionState {
  return {
    sessionId: 's_fork',
    classId: 's_class',
    kind: 'fork',
    ownerId: 'p_ann',
    ownerName: 'Ann',
    parentId: 's_class',
    forkedAtEpoch: 3,
    config: DEFAULT_CONFIG,
    layerSizes: SIZES,
    // doubles that a Float32 would change: the file keeps them exactly
    params: Array.from({ length: parameterCount(SIZES) }, (_, i) => 0.1 + 0.2 * i + 1e-12),
    epoch: 12,
    clock: 40,
    playing: true,
    speed: 'max',
    frozen: false,
    metrics: { trainLoss: 0.3, testLoss: null, trainAccuracy: 0.9, testAccuracy: null, learningRate: 0.03, gradientNorms: [0.1, 0.2], diverged: null },
    lossHistory: { stride: 1, points: [{ epoch: 12, trainLoss: 0.3, testLoss: null }] },
    preset: null,
    timeline: [],
    scrubbedTo: null,
    ...overrides,
  };
}

describe('playground files (FILE-1)', () => {
  it('round-trips its sessions exactly through JSON', () => {
    const file = playgroundFileOf([state(), state({ sessionId: 's_two', epoch: 0 })], 'ABC234', new Date('2025-01-02T03:04:05Z'));
    expect(file).toMatchObject({ format: 'playroom-playground', protocolVersion: PROTOCOL_VERSION, savedAt: '2025-01-02T03:04:05.000Z', fromClass: 'ABC234' });
    expect(readPlaygroundFile(JSON.stringify(file))).toEqual({ ok: true, sessions: file.sessions, fromClass: 'ABC234' });
    expect(readPlaygroundFile(JSON.stringify(playgroundFileOf([state()], null)))).toMatchObject({ ok: true, fromClass: null });
  });

  it('keeps the preset a session showed, and opens a file from before presets (TEACH-1) with preset null', () => {
    const shown = playgroundFileOf([state({ preset: 'xor-linear' })], null);
    expect(readPlaygroundFile(JSON.stringify(shown))).toMatchObject({ ok: true, sessions: [{ preset: 'xor-linear' }] });
    const { preset: _dropped, ...older } = state();
    const file = { ...playgroundFileOf([state()], null), sessions: [older] };
    expect(readPlaygroundFile(JSON.stringify(file))).toEqual({ ok: true, sessions: [state()], fromClass: null });
    const unknown = playgroundFileOf([state({ preset: 'no-such-preset' })], null);
    expect(readPlaygroundFile(JSON.stringify(unknown))).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('opens a file from before the timeline (SCRUB-1) with none, and a session saved while looking back at its own epoch', () => {
    const { timeline: _t, scrubbedTo: _s, ...older } = state();
    const file = { ...playgroundFileOf([state()], null), sessions: [older] };
    expect(readPlaygroundFile(JSON.stringify(file))).toEqual({ ok: true, sessions: [state()], fromClass: null });
    const lookingBack = playgroundFileOf([state({ timeline: [0, 1, 2, 3], scrubbedTo: 3 })], null);
    expect(readPlaygroundFile(JSON.stringify(lookingBack))).toEqual({ ok: true, sessions: [state()], fromClass: null });
  });

  it("opens a teacher's class export the same way", () => {
    const exported: SessionExport = {
      format: 'playroom-session',
      protocolVersion: PROTOCOL_VERSION,
      exportedAt: '2025-01-02T03:04:05.000Z',
      classId: 's_class',
      code: 'ABC234',
      teacherName: 'Ms Chen',
      createdAt: '2025-01-02T03:00:00.000Z',
      classStatus: { spotlightId: null, spotlightOwner: null, forksFrozen: false, locked: false, lessonControls: {}, namesHidden: false, lesson: null },
      roster: [],
      sessions: [state({ sessionId: 's_class', kind: 'class', parentId: null, forkedAtEpoch: null }), state()],
    };
    expect(readPlaygroundFile(JSON.stringify(exported))).toEqual({ ok: true, sessions: exported.sessions, fromClass: 'ABC234' });
    // one from a server before aliases (NAMES-4): no alias in its roster, no namesHidden in its status
    const older = { ...exported, classStatus: { spotlightId: null, spotlightOwner: null, forksFrozen: false, locked: false, lessonControls: {} }, roster: [{ participantId: 'p_t', name: 'Ms Chen', role: 'teacher', online: false, forkCount: 0 }] };
    expect(readPlaygroundFile(JSON.stringify(older))).toEqual({ ok: true, sessions: exported.sessions, fromClass: 'ABC234' });
  });

  it('says why a file cannot be opened, and never throws', () => {
    expect(readPlaygroundFile('{"format":')).toMatchObject({ ok: false, reason: 'notJson' });
    expect(readPlaygroundFile('[1,2]')).toMatchObject({ ok: false, reason: 'notPlayground' });
    expect(readPlaygroundFile('{"format":"something-else"}')).toMatchObject({ ok: false, reason: 'notPlayground' });
    expect(readPlaygroundFile('null')).toMatchObject({ ok: false, reason: 'notPlayground' });
    const file = playgroundFileOf([state()], null);
    expect(readPlaygroundFile(JSON.stringify({ ...file, sessions: [] }))).toMatchObject({ ok: false, reason: 'invalid' });
    const broken = { ...file, sessions: [{ ...state(), params: 'weights' }] };
    expect(readPlaygroundFile(JSON.stringify(broken))).toMatchObject({ ok: false, reason: 'invalid', detail: expect.stringContaining('params') });
  });
});
