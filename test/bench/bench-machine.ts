import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/**
 * The machine a bench ran on, detected when it is called (never typed in): results from shared
 * 2-core machines are read with their load average, since other work moves latencies and
 * throughput far more than the code under test.
 */
export function benchMachine() {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${platform()} ${release()}`,
    node: process.version,
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}
