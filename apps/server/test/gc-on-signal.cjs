// Preloaded into a server child process by the memory tests (NODE_OPTIONS=--expose-gc --require …):
// SIGUSR2 runs a full garbage collection (here; the training pool asks its workers to collect too), so an RSS reading
// shows what is retained, not what is merely not yet collected.
process.on('SIGUSR2', () => globalThis.gc?.());
