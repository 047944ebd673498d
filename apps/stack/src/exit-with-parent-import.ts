// Preloaded (`node --import`) into each service process of distributed mode: the stack holds a
// pipe open on our stdin, so EOF means it is gone (a crash, kill -9) and we stop as on SIGTERM
// (runMain's clean stop) instead of running on as an orphan. The stores may be stopping at the
// same moment, and a clean stop that waits on a vanished database can hang: so it gets a bound.
const orphanStopGraceMs = 10_000;

process.stdin.once('end', () => {
  setTimeout(() => process.exit(1), orphanStopGraceMs).unref();
  process.kill(process.pid, 'SIGTERM');
});
process.stdin.resume();
