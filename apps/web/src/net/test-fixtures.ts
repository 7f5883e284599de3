import { DEFAULT_CONFIG } from '@playroom/engine';
import { PROTOCOL_VERSION, parameterCount, type ForkSummary, type SessionState, type Welcome } from '@playroom/protocol';

/*
 * Protocol messages as the server would build them, for the net module's
 * tests. Only tests import this file.
 */

export const LAYER_SIZES = [2, 4, 2, 1];

/** A full session state with parameters 0.01·i. */
export function sessionState(overrides: Partial<SessionState> = {}): SessionState {
  const layerSizes = overrides.layerSizes ?? LAYER_SIZES;
  return {
    sessionId: 'class-1',
    classId: 'k1',
    kind: 'class',
    ownerId: 'p-teacher',
    ownerName: 'Ms Chen',
    parentId: null,
    forkedAtEpoch: null,
    config: DEFAULT_CONFIG,
    layerSizes,
    params: Array.from({ length: parameterCount(layerSizes) }, (_, i) => i / 100),
    epoch: 12,
    clock: 40,
    playing: false,
    speed: 60,
    frozen: false,
    metrics: {
      trainLoss: 0.3,
      testLoss: null,
      trainAccuracy: 0.9,
      testAccuracy: null,
      learningRate: 0.03,
      gradientNorms: [0.1, 0.2, 0.3],
      diverged: null,
    },
    lossHistory: {
      stride: 1,
      points: [
        { epoch: 10, trainLoss: 0.4, testLoss: 0.45 },
        { epoch: 11, trainLoss: null, testLoss: 0.4 },
        { epoch: 12, trainLoss: 0.3, testLoss: 0.35 },
      ],
    },
    preset: null,
    timeline: [],
    scrubbedTo: null,
    ...overrides,
  };
}

/** A fork summary owned by `ownerId`. */
export function forkSummary(sessionId: string, ownerId: string, clock = 1): ForkSummary {
  return {
    sessionId,
    ownerId,
    ownerName: ownerId.replace(/^p-/, ''),
    parentId: 'class-1',
    epoch: 5,
    clock,
    trainLoss: 0.2,
    testLoss: 0.25,
    playing: false,
    frozen: false,
    diverged: false,
    layerSizes: LAYER_SIZES,
    dataset: 'circle',
  };
}

/** The welcome a student named Ann gets. */
export function studentWelcome(overrides: Partial<Welcome> = {}): Welcome {
  return {
    protocolVersion: PROTOCOL_VERSION,
    classId: 'k1',
    code: 'ABC234',
    joinUrl: 'http://192.168.1.20:3000/join/ABC234',
    role: 'student',
    participantId: 'p-ann',
    name: 'Ann',
    participantToken: 'tok_ann_0123456789abcdefghij',
    classSession: sessionState(),
    forks: [],
    roster: [
      { participantId: 'p-teacher', name: 'Ms Chen', role: 'teacher', alias: 0, online: true, forkCount: 0 },
      { participantId: 'p-ann', name: 'Ann', role: 'student', alias: 1, online: true, forkCount: 0 },
    ],
    classStatus: { spotlightId: null, spotlightOwner: null, forksFrozen: false, locked: false, lessonControls: {}, namesHidden: false, lesson: null },
    limits: { maxForksPerParticipant: 5, snapshotHz: 15 },
    ...overrides,
  };
}
