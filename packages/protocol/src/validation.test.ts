import fc from 'fast-check';
import { DEFAULT_CONFIG } from '@playroom/engine';
import { describe, expect, it, vi } from 'vitest';
import { ERROR_CODES, ErrorCode } from './error-codes';
import { COMMAND_SCHEMAS, COMMAND_TYPES } from './schemas/command-schemas';
import { TrainerConfigSchema } from './schemas/config-schema';
import { CreateSessionBodySchema } from './schemas/rest-schemas';
import { createValidator, validateCommand, validateHandshake } from './validation';

const SESSION = 'ses_abc123';
const TOKEN = 'A'.repeat(32);

/** One valid example of every command, so mutations can start from something accepted. */
const VALID_COMMANDS = {
  setConfig: { type: 'setConfig', sessionId: SESSION, patch: { learningRate: 0.1, hiddenLayers: [3] } },
  play: { type: 'play', sessionId: SESSION },
  pause: { type: 'pause', sessionId: SESSION },
  step: { type: 'step', sessionId: SESSION, epochs: 5 },
  reset: { type: 'reset', sessionId: SESSION },
  regenerateData: { type: 'regenerateData', sessionId: SESSION },
  setWeight: { type: 'setWeight', sessionId: SESSION, layer: 1, to: 0, from: 1, value: 0.5 },
  setBias: { type: 'setBias', sessionId: SESSION, layer: 2, to: 1, value: -0.5 },
  setSpeed: { type: 'setSpeed', sessionId: SESSION, speed: 'max' },
  fork: { type: 'fork', sessionId: SESSION },
  deleteFork: { type: 'deleteFork', sessionId: SESSION },
  watch: { type: 'watch', sessionId: SESSION },
  unwatch: { type: 'unwatch', sessionId: SESSION },
  exportSession: { type: 'exportSession', sessionId: SESSION },
  spotlight: { type: 'spotlight', sessionId: null },
  freezeForks: { type: 'freezeForks', frozen: true },
  endClass: { type: 'endClass' },
  lockClass: { type: 'lockClass', locked: true },
  removeParticipant: { type: 'removeParticipant', participantId: 'p_ana' },
  setLessonControls: { type: 'setLessonControls', controls: { learningRate: 'locked', regularization: 'hidden' } },
  hideNames: { type: 'hideNames', hidden: true },
  loadPreset: { type: 'loadPreset', sessionId: SESSION, presetId: 'xor-linear' },
  setLesson: { type: 'setLesson', lesson: { lessonId: 'non-linearity', steps: ['xor-linear', 'xor-tanh'] } },
  lessonStep: { type: 'lessonStep', step: 1 },
  scrub: { type: 'scrub', sessionId: SESSION, epoch: 40 },
  resumeFrom: { type: 'resumeFrom', sessionId: SESSION },
  startChallenge: {
    type: 'startChallenge',
    goal: { dataset: 'circle', noise: 10, features: ['x1', 'x2'], budget: { kind: 'neurons', max: 8 }, targetTestLoss: 0.1, timeLimitSec: 600 },
  },
  endChallenge: { type: 'endChallenge' },
} satisfies Record<(typeof COMMAND_TYPES)[number], unknown>;

/** Anything JSON (or socket.io's binary placeholders) can deliver. */
const junk = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: false, withObjectString: true, maxDepth: 3 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
);

describe('command validation', () => {
  it('VAL-1: accepts one valid example of every command', () => {
    for (const type of COMMAND_TYPES) {
      const result = validateCommand(VALID_COMMANDS[type]);
      expect(result, type).toEqual({ ok: true, value: VALID_COMMANDS[type] });
    }
  });

  it('VAL-1/VAL-2: random junk is refused with badRequest or unknownCommand, never thrown', () => {
    fc.assert(
      fc.property(junk, (input) => {
        const result = validateCommand(input);
        if (result.ok) {
          // only a real command may pass; junk that happens to be one must match its schema
          expect(COMMAND_TYPES).toContain(result.value.type);
        } else {
          expect([ErrorCode.badRequest, ErrorCode.unknownCommand]).toContain(result.error.code);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('VAL-1: a valid command with one field replaced by junk or one extra field is refused', () => {
    const typeArb = fc.constantFrom(...COMMAND_TYPES);
    fc.assert(
      fc.property(typeArb, junk, fc.string({ minLength: 1, maxLength: 8 }), (type, value, extraKey) => {
        const valid: Record<string, unknown> = VALID_COMMANDS[type];
        const fields = Object.keys(valid).filter((key) => key !== 'type');
        for (const field of fields) {
          const mutated = { ...valid, [field]: value };
          const result = validateCommand(mutated);
          if (!result.ok) expect(result.error.code).toBe(ErrorCode.badRequest);
          else expect(createValidator(COMMAND_SCHEMAS[type])(mutated).ok).toBe(true);
        }
        if (!(extraKey in valid)) {
          const result = validateCommand({ ...valid, [extraKey]: 1 });
          expect(result.ok).toBe(false);
        }
      }),
      { seed: 43, numRuns: 400 },
    );
  });

  it('VAL-2: an unknown type is unknownCommand, a prototype key included', () => {
    for (const type of ['hack', 'constructor', '__proto__', 'toString', '']) {
      const result = validateCommand({ type, sessionId: SESSION });
      expect(result.ok ? null : result.error.code).toBe(ErrorCode.unknownCommand);
    }
  });

  it('VAL-1: a refusal names the offending field', () => {
    const result = validateCommand({ type: 'setConfig', sessionId: SESSION, patch: { learningRate: 99 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe('/patch/learningRate');
  });
});

describe('config schema', () => {
  it('CFG-1: accepts the engine default config and refuses an unknown field', () => {
    const check = createValidator(TrainerConfigSchema);
    expect(check(DEFAULT_CONFIG).ok).toBe(true);
    expect(check({ ...DEFAULT_CONFIG, extra: 1 }).ok).toBe(false);
    expect(check({ ...DEFAULT_CONFIG, hiddenLayers: [9] }).ok).toBe(false);
    expect(check({ ...DEFAULT_CONFIG, dataset: 'mnist' }).ok).toBe(false);
  });

  it('CFG-1: an empty patch is refused', () => {
    expect(validateCommand({ type: 'setConfig', sessionId: SESSION, patch: {} }).ok).toBe(false);
  });
});

describe('handshake and REST schemas', () => {
  it('HS-1: accepts a teacher and a student handshake', () => {
    expect(validateHandshake({ protocolVersion: 1, role: 'teacher', code: 'ABCDEF', token: TOKEN }).ok).toBe(true);
    expect(validateHandshake({ protocolVersion: 1, role: 'student', code: 'ABCDEF', name: 'Ana' }).ok).toBe(true);
    expect(validateHandshake({ protocolVersion: 1, role: 'student', code: 'ABCDEF', token: TOKEN }).ok).toBe(true);
  });

  it('HS-1: refuses look-alike characters in a room code and a teacher without token', () => {
    expect(validateHandshake({ protocolVersion: 1, role: 'student', code: 'ABCDE0', name: 'Ana' }).ok).toBe(false);
    expect(validateHandshake({ protocolVersion: 1, role: 'student', code: 'ABCDEI', name: 'Ana' }).ok).toBe(false);
    expect(validateHandshake({ protocolVersion: 1, role: 'teacher', code: 'ABCDEF', name: 'Ana' }).ok).toBe(false);
  });

  it('HS-9: the role picks the schema, so a refusal names the field wrong for that role', () => {
    const refusal = (auth: object) => {
      const result = validateHandshake(auth);
      return result.ok ? null : result.error;
    };
    // before: a student's mistyped code came back as the teacher schema's "payload: must have required properties token"
    expect(refusal({ protocolVersion: 1, role: 'student', code: 'ABCDE0', name: 'Ana' })).toMatchObject({ field: '/code' });
    expect(refusal({ protocolVersion: 1, role: 'student', code: 'ABCDEF', name: 'x'.repeat(40) })).toMatchObject({ field: '/name' });
    expect(refusal({ protocolVersion: 1, role: 'student', code: 'ABCDEF', name: 'Ana', extra: 1 })?.message).not.toMatch(/token/);
    expect(refusal({ protocolVersion: 1, role: 'guest', code: 'ABCDEF' })).toMatchObject({ field: '/role' });
    expect(refusal({ protocolVersion: 1, role: 'student', name: 'Ana' })).toMatchObject({ field: '/code' });
  });

  it('VAL-1: every exported validator refuses junk without throwing', () => {
    const validators = [validateHandshake, createValidator(CreateSessionBodySchema), createValidator(TrainerConfigSchema)];
    fc.assert(
      fc.property(junk, (input) => {
        for (const validate of validators) {
          const result = validate(input);
          if (!result.ok) expect(ERROR_CODES).toContain(result.error.code);
        }
      }),
      { seed: 44, numRuns: 1000 },
    );
  });
});

describe('compiling', () => {
  /** Runs `body` with a fresh copy of the module, counting the code it generates (`new Function`, what a CSP without eval forbids). */
  async function countingGeneratedCode(body: (fresh: typeof import('./validation'), generatedSoFar: () => number) => void): Promise<number> {
    const original = globalThis.Function;
    let generated = 0;
    globalThis.Function = new Proxy(original, {
      construct(target, args: unknown[]) {
        generated++;
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      vi.resetModules();
      body(await import('./validation'), () => generated);
      return generated;
    } finally {
      globalThis.Function = original;
    }
  }
  const bad = { type: 'setSpeed', sessionId: 'ses_1', speed: 0 };

  it('happens on first use, not at import, on the server', async () => {
    let atImport = -1;
    const generated = await countingGeneratedCode((fresh, generatedSoFar) => {
      atImport = generatedSoFar();
      expect(fresh.validateCommand({ type: 'play', sessionId: 'ses_1' }).ok).toBe(true);
    });
    expect(atImport).toBe(0);
    expect(generated).toBeGreaterThan(0);
  });

  it('never happens in a page (its CSP forbids eval): the schema is interpreted, with the same answers', async () => {
    const compiled = validateCommand(bad);
    vi.stubGlobal('document', {});
    try {
      let interpreted: ReturnType<typeof validateCommand> | null = null;
      const generated = await countingGeneratedCode((fresh) => {
        expect(fresh.validateCommand({ type: 'play', sessionId: 'ses_1' }).ok).toBe(true);
        interpreted = fresh.validateCommand(bad);
      });
      expect(generated).toBe(0);
      expect(interpreted).toEqual(compiled);
      expect(compiled.ok ? null : compiled.error.field).toBe('/speed');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
