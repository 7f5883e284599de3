/** The process entry of `playroom-train` (bin/playroom-train.js loads it through tsx). */
import { runCli } from './run-cli';

const code = runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
