/**
 * Where a process's CPU went, from a V8 .cpuprofile (`node --cpu-prof`): self time by function and
 * by package, as a share of the time the process was not idle. A window on
 * the monotonic clock (µs, as process.hrtime reads it: V8 stamps samples on the same clock) keeps
 * only the samples taken during a load run, not those of start-up and seeding.
 *
 *   cd test && node --conditions=source --import @daena/platform/register \
 *     bench/profile-summary.ts <file.cpuprofile> [top]
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  /**
   * Time the samples in the window found the process not idle. V8 samples on the wall clock, so
   * on a machine busier than its cores this includes time the process waited for a core: use it
   * for shares, and process_cpu_seconds_total for CPU time.
   */
  sampledMs: number;
  /** The window's length (or the whole profile's). */
  wallMs: number;
  byFunction: SelfTime[];
  byPackage: SelfTime[];
}

/** Reads a .cpuprofile and sums self time per function and per package within `window`. */
export async function summarizeProfile(
  path: string,
  options: { top?: number; window?: { fromUs: number; toUs: number } } = {},
): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let sampledUs = 0;
  let at = profile.startTime;
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    const { window } = options;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    first = Math.min(first, at);
    last = at;
    const frame = nodes.get(profile.samples[i] ?? -1)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    // A sample stands for the time until the next one.
    const us = profile.timeDeltas[i + 1] ?? delta;
    sampledUs += us;
    const where = locate(frame.url);
    const name = `${frame.functionName || '(anonymous)'} ${where.file}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const pkg = frame.url ? where.pkg : nativeGroup(frame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const ranked = (totals: Map<string, number>) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, options.top ?? 15)
      .map(([name, us]) => ({
        name,
        ms: Math.round(us / 100) / 10,
        percent: Math.round((1000 * us) / Math.max(1, sampledUs)) / 10,
      }));
  return {
    sampledMs: Math.round(sampledUs / 1000),
    wallMs: Math.round((last - Math.min(first, last)) / 1000),
    byFunction: ranked(byFunction),
    byPackage: ranked(byPackage),
  };
}

/** The package a script belongs to: an npm package, a workspace, or a Node built-in module. */
function locate(url: string): { pkg: string; file: string } {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = path.slice(modules + '/node_modules/'.length).split('/');
    const pkg = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? path);
    return { pkg, file: `${pkg}/${rest.slice(pkg.split('/').length).join('/')}` };
  }
  if (path.startsWith('node:')) {
    const [, module] = /^node:(?:internal\/)?([^/]+)/.exec(path) ?? [];
    return { pkg: `node:${module ?? path}`, file: path };
  }
  // A workspace of this repository: subgraphs/decisions/src/… → subgraphs/decisions.
  const repo = /\/(subgraphs|packages|gateway|apps|test)\/(?:([^/]+)\/)?/.exec(path);
  if (repo?.[1]) {
    const workspace = repo[1] === 'gateway' ? 'gateway' : `${repo[1]}/${repo[2] ?? ''}`;
    return { pkg: workspace, file: path.slice(path.indexOf(repo[0]) + 1) };
  }
  return { pkg: path || '(native)', file: path };
}

/** Frames without a script: V8's own work (GC, the compiler) and built-ins (JSON, RegExp …). */
function nativeGroup(functionName: string): string {
  return functionName.startsWith('(') ? functionName : '(V8 built-ins)';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
  const summary = await summarizeProfile(file, { top: Number(top ?? 20) });
  console.log(`not idle ${summary.sampledMs} ms of ${summary.wallMs} ms`);
  console.table(summary.byPackage);
  console.table(summary.byFunction);
}
