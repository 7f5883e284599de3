/**
 * `playroom-train --from / --save` on disk: the engine's CLI reads and writes
 * playground files (FILE-1, FILE-2) through this, since their shape is the
 * protocol's and the engine does not depend on the protocol.
 */
import fs from 'node:fs';
import type { SessionFiles } from '@playroom/engine/cli';
import { PLAYGROUND_FILE_MAX_BYTES, playgroundFileOf, readPlaygroundFile } from '../playground-file';
import { savedSessionOfTrainer } from '../saved-session-trainer';

/** What a file's refusal says, for a terminal. */
function refusalText(contents: Exclude<ReturnType<typeof readPlaygroundFile>, { ok: true }>): string {
  switch (contents.reason) {
    case 'notJson':
      return `not JSON (${contents.detail})`;
    case 'notPlayground':
      return `not a Playroom file (${contents.detail})`;
    case 'invalid':
      return `a damaged Playroom file: ${contents.detail}`;
    case 'badTrainerState':
      return `session ${contents.session + 1} has a damaged training state: ${contents.detail}`;
    default: {
      const unknown: never = contents;
      throw new Error(`unknown refusal ${JSON.stringify(unknown)}`);
    }
  }
}

export const sessionFilesOnDisk: SessionFiles = {
  open(path, index) {
    const size = fs.statSync(path).size;
    if (size > PLAYGROUND_FILE_MAX_BYTES) throw new Error(`${path} is ${size} bytes, over ${PLAYGROUND_FILE_MAX_BYTES}`);
    const contents = readPlaygroundFile(fs.readFileSync(path, 'utf8'));
    if (!contents.ok) throw new Error(`${path}: ${refusalText(contents)}`);
    const session = contents.sessions[index];
    if (!session) throw new Error(`${path} has ${contents.sessions.length} sessions, no session ${index + 1}`);
    if (!session.trainer) throw new Error(`${path}: session ${index + 1} has no exact trainer state (a file from before FILE-2)`);
    return { trainer: session.trainer, lossHistory: session.lossHistory };
  },
  save(path, trainer, lossHistory) {
    fs.writeFileSync(path, JSON.stringify(playgroundFileOf([savedSessionOfTrainer(trainer, lossHistory)], null)));
  },
};
