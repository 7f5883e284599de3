/**
 * The process entry of `playroom-train` (bin/playroom-train.js loads it
 * through tsx). The CLI is the engine's `runCli`; it lives here so that it
 * can read and write playground files (--from, --save), whose shape is the
 * protocol's: the protocol depends on the engine, never the other way.
 */
import { runCli } from '@playroom/engine/cli';
import { sessionFilesOnDisk } from './session-files';

const code = runCli(
  process.argv.slice(2),
  {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
  sessionFilesOnDisk,
);
process.exitCode = code;
