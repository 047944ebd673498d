/**
 * The web dashboard in Chromium (issue 20): time from navigation to the honeycomb's 64 agents
 * drawn, and from sending `castVote` to the proposal page's tally showing it, each over 50 runs;
 * and the size of what the browser downloads (gzip). Prints a table and writes
 * test/bench/results/dashboard.json. Needs the local PostgreSQL (like the tests) and Debian's
 * Chromium at /usr/bin/chromium.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Role } from '@daena/platform';
import {
  castVoteMutation,
  createDaenaClient,
  createProposalMutation,
  openDraftMutation,
  organizationQuery,
} from '@daena/sdk';
import { testToken } from '@daena/testing';
import { launchChromium, startDashboardStack } from '../src/dashboard-stack.js';
import { waitForSubscribers } from '../src/live.js';
import { benchMachine } from './bench-machine.js';

const runs = 50;

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Number((sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0).toFixed(1));
  return { runs: sorted.length, p50: at(0.5), p95: at(0.95), max: at(1) };
}

/** Bytes of the build's JavaScript and CSS, raw and gzipped (what a first visit downloads). */
async function bundleSize(distDir: string) {
  const assets = join(distDir, 'assets');
  const files = await readdir(assets);
  const size = async (ext: string) => {
    const contents = await Promise.all(
      files.filter((f) => f.endsWith(ext)).map((f) => readFile(join(assets, f))),
    );
    return {
      bytes: contents.reduce((n, c) => n + c.length, 0),
      gzipBytes: contents.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0),
    };
  };
  return { js: await size('.js'), css: await size('.css') };
}

const harness = await startDashboardStack('bench_dashboard');
const browser = await launchChromium();
try {
  const token = await testToken({ sub: 'dashboard-bench', roles: [Role.ADMIN] });
  const admin = createDaenaClient({ url: harness.gateway.url, token });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Signed in from the first paint, as a returning user in the same tab is.
  await context.addInitScript(`sessionStorage.setItem('daena.token', ${JSON.stringify(token)})`);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);

  const honeycomb: number[] = [];
  for (let n = 0; n < runs; n++) {
    await page.goto('about:blank');
    const started = performance.now();
    await page.goto(`${harness.origin}/#/organization`);
    await page.locator('[data-agent-id]').nth(63).waitFor();
    honeycomb.push(performance.now() - started);
  }

  const { departments } = await admin.request(organizationQuery);
  const tally: number[] = [];
  for (let n = 0; n < runs; n++) {
    const { createProposal } = await admin.request(createProposalMutation, {
      input: {
        title: `Dashboard bench ${n}`,
        departmentId: departments[n % departments.length]?.id ?? '',
        affectedDepartmentIds: departments.map((d) => d.id),
        kind: 'CROSS_DEPARTMENT',
      },
    });
    const { openProposal } = await admin.request(openDraftMutation, { id: createProposal.id });
    const voter = openProposal.stakeholders[0]?.agent.id ?? '';
    await page.goto(`${harness.origin}/#/voting/${openProposal.id}`);
    await page.locator('[data-votes-counted="0"]').waitFor();
    // The page's voteTally is live once the gateway counts the page's two subscriptions (its
    // tally and its proposal's transitions) and no other.
    await waitForSubscribers(harness.gateway.url, 2, true);
    const agent = createDaenaClient({
      url: harness.gateway.url,
      token: await testToken({ sub: voter, roles: [Role.AGENT] }),
    });
    const started = performance.now();
    await agent.request(castVoteMutation, {
      input: { proposalId: openProposal.id, agentId: voter, choice: 'APPROVE' },
    });
    await page.locator('[data-votes-counted="1"]').waitFor();
    tally.push(performance.now() - started);
  }

  const results = {
    firstHoneycombRenderMs: summary(honeycomb),
    firstLiveTallyUpdateMs: summary(tally),
    bundle: await bundleSize(harness.distDir),
  };
  console.table({
    'navigation → 64 agents drawn (ms)': results.firstHoneycombRenderMs,
    'castVote sent → tally on the page (ms)': results.firstLiveTallyUpdateMs,
  });
  console.table(results.bundle);
  await writeFile(
    new URL('./results/dashboard.json', import.meta.url),
    JSON.stringify(
      { measuredAt: new Date().toISOString(), machine: benchMachine(), results },
      null,
      2,
    ) + '\n',
  );
} finally {
  await browser.close();
  await harness.close();
}
process.exit(0);
