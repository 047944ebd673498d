import { Neo4jLaunchError } from './errors.js';
import { launcherPaths } from './packageDir.js';

export const LAUNCHER_CLASS = 'dev.daena.neo4j.Neo4jLauncher';

/** Initial heap from ARCHITECTURE §5; lowered to the maximum when a smaller heap is asked for. */
const INITIAL_HEAP_BYTES = 128 * 1024 ** 2;
const UNIT_BYTES: Readonly<Record<string, number>> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** JVM flags from ARCHITECTURE §5: small serial-GC heap, the opens Netty needs, no OOM zombies. */
export function jvmArgs(heap: string, homeDir: string, listenAddress: string): string[] {
  const maxHeapBytes = parseHeap(heap);
  const initialHeap = maxHeapBytes < INITIAL_HEAP_BYTES ? heap : '128m';
  return [
    `-Xms${initialHeap}`,
    `-Xmx${heap}`,
    '-XX:+UseSerialGC',
    '-XX:+ExitOnOutOfMemoryError',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.nio.maxCachedBufferSize=1024',
    `-Ddaena.neo4j.pluginDir=${launcherPaths.plugins}`,
    '-cp',
    `${launcherPaths.classes}:${launcherPaths.lib}/*`,
    LAUNCHER_CLASS,
    homeDir,
    listenAddress,
  ];
}

/** Bytes in a JVM size like `256m` or `1g`; throws NEO4J_BAD_OPTION on anything else. */
export function parseHeap(heap: string): number {
  const [, amount, suffix] = /^(\d+)([kmg])$/i.exec(heap) ?? [];
  const unit = suffix === undefined ? undefined : UNIT_BYTES[suffix.toLowerCase()];
  if (amount === undefined || unit === undefined || Number(amount) === 0) {
    throw new Neo4jLaunchError('NEO4J_BAD_OPTION', `heap must look like 256m or 1g, got '${heap}'`);
  }
  return Number(amount) * unit;
}
