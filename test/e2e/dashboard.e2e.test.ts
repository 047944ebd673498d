import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Role } from '@daena/platform';
import {
  castVoteMutation,
  createDaenaClient,
  createProposalMutation,
  dashboardAgentQuery,
  dashboardPauseAgentMutation,
  openDraftMutation,
  organizationQuery,
  type DaenaClient,
} from '@daena/sdk';
import { graphql, testToken } from '@daena/testing';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { waitForSubscribers } from '../src/live.js';
import {
  layoutShift,
  noLayoutShift,
  seriousViolations,
  touchTargetFaults,
  watchLayoutShift,
  type TouchTargetFault,
} from '../src/dashboard-page.js';
import {
  launchChromium,
  startDashboardStack,
  type DashboardStack,
} from '../src/dashboard-stack.js';

/**
 * Issue 20: the dashboard in a real browser (Debian's Chromium) against the real services, one
 * user's morning: sign in, look at the honeycomb, watch a vote and an agent change, survive a
 * gateway restart. A second client (the SDK) acts; the page must show it live.
 */
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
let harness: DashboardStack;
let browser: Browser;
let page: Page;
let admin: DaenaClient;
let adminToken: string;
/** Console errors and uncaught exceptions of the page (there must be none). */
const pageErrors: string[] = [];
/** While the gateway restarts or refuses a token, the browser logs the failed requests. */
let expectingNetworkErrors = false;

beforeAll(async () => {
  harness = await startDashboardStack('e2e_dashboard');
  await mkdir(screenshots, { recursive: true });
  browser = await launchChromium();
  // axe is injected as an inline script, which the dashboard's Content-Security-Policy forbids:
  // this page bypasses it, the phone's page below keeps it.
  page = watched(
    await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true }),
  );
  adminToken = await testToken({ sub: 'dashboard-e2e', roles: [Role.ADMIN] });
  admin = createDaenaClient({
    url: harness.gateway.url,
    token: adminToken,
    webSocketImpl: WebSocket,
  });
});
afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await harness?.close();
});

/** Records the page's console errors and uncaught exceptions. */
function watched(target: Page): Page {
  // A wait that fails says what it waited for, before the test's own timeout.
  target.setDefaultTimeout(20_000);
  target.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const networkError = /WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/;
    if (expectingNetworkErrors && networkError.test(message.text())) return;
    pageErrors.push(message.text());
  });
  target.on('pageerror', (error) => pageErrors.push(String(error)));
  return target;
}

async function signIn(target: Page) {
  await target.goto(harness.origin);
  await target.getByRole('button', { name: 'Sign in with a development token' }).click();
  await target.locator('[data-connection="live"]').waitFor();
}

const shoot = (name: string) =>
  page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });

const seat = (agentId: string) => page.locator(`[data-agent-id="${agentId}"]`);
const tallySummary = () => page.getByTestId('tally-summary');

/** The proposal as the API has it now, read by the admin. */
async function proposalNow(id: string) {
  const { body } = await graphql<{ proposal: { status: string; ledgerHead: string } }>(
    harness.gateway.url,
    'query ($id: ID!) { proposal(id: $id) { status ledgerHead } }',
    { id },
    adminToken,
  );
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.proposal;
}

async function voteAs(agentId: string, proposalId: string) {
  const voter = createDaenaClient({
    url: harness.gateway.url,
    token: await testToken({ sub: agentId, roles: [Role.AGENT] }),
  });
  await voter.request(castVoteMutation, {
    input: { proposalId, agentId, choice: 'APPROVE', rationale: 'worth it' },
  });
}

interface RoutedDecision {
  id: string;
  model: string;
  taskType: string;
}

/** Routes a task through the gateway as the admin (the router calls the loopback model). */
async function routeTask(text: string): Promise<RoutedDecision> {
  const { body } = await graphql<{ routeTask: { decision: RoutedDecision } }>(
    harness.gateway.url,
    'mutation ($text: String!) { routeTask(input: { text: $text }) { decision { id model taskType } } }',
    { text },
    adminToken,
  );
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.routeTask.decision;
}

/** The Router page reads its table again a few seconds after a selection. */
const polled = { timeout: 20_000 };

const rowOf = (decision: RoutedDecision) => `${decision.model}/${decision.taskType}`;

/** The Router page's per-model table: calls by model/task type, as shown. */
const callsShown = () =>
  page.evaluate<Record<string, number>>(`Object.fromEntries(
    [...document.querySelectorAll('tr[data-model]')].map((row) => [
      row.dataset.model + '/' + row.dataset.taskType,
      Number(row.querySelector('[data-column="calls"]').textContent),
    ]),
  )`);

describe('the web dashboard in Chromium', () => {
  it('signs in with the embedded-mode development token and draws the 64 agents', async () => {
    await signIn(page);
    await expect.poll(() => page.locator('[data-agent-id]').count()).toBe(64);
    await page.getByText('64 agents in 8 departments').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('organization');
  });

  it('recolours an agent paused by another client, and resumes it from its panel by keyboard', async () => {
    const { departments } = await admin.request(organizationQuery);
    const agent = departments[0]?.agents[0];
    if (!agent) throw new Error('no agent seeded');
    expect(await seat(agent.id).getAttribute('data-status')).toBe('IDLE');
    const idleFill = await seat(agent.id).locator('circle').getAttribute('fill');

    // The honeycomb's agentActivity is the gateway's one subscriber.
    await waitForSubscribers(harness.gateway.url, 1, true);
    // Pausing takes the version read now.
    const { agent: current } = await admin.request(dashboardAgentQuery, { id: agent.id });
    await admin.request(dashboardPauseAgentMutation, {
      id: agent.id,
      version: current?.version ?? 0,
    });
    await page.locator(`[data-agent-id="${agent.id}"][data-status="PAUSED"]`).waitFor();
    expect(await seat(agent.id).locator('circle').getAttribute('fill')).not.toBe(idleFill);

    // Keyboard only: focus the seat, open its panel, resume.
    await seat(agent.id).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('agent-state').filter({ hasText: 'Paused' }).waitFor();
    await page.getByRole('button', { name: 'Resume agent' }).focus();
    await page.keyboard.press('Enter');
    await page.locator(`[data-agent-id="${agent.id}"][data-status="IDLE"]`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('organization-agent');
  });

  let proposalId = '';
  let voters: string[] = [];
  it('opens a proposal and moves its tally live as a second client votes', async () => {
    const { departments } = await admin.request(organizationQuery);
    const { createProposal } = await admin.request(createProposalMutation, {
      input: {
        title: 'Adopt rolling forecasts',
        departmentId: departments[0]?.id ?? '',
        affectedDepartmentIds: departments.map((d) => d.id),
        kind: 'CROSS_DEPARTMENT',
        risk: 0.4,
        urgency: 0.7,
      },
    });
    const { openProposal } = await admin.request(openDraftMutation, { id: createProposal.id });
    proposalId = openProposal.id;
    voters = openProposal.stakeholders.map((s) => s.agent.id);
    const stakeholders = voters.length;

    await page.getByRole('link', { name: 'Voting' }).click();
    await page.getByRole('link', { name: 'Adopt rolling forecasts' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('voting');
    await page.getByRole('link', { name: 'Adopt rolling forecasts' }).click();
    await page.getByRole('heading', { name: `Stakeholders (${stakeholders})` }).waitFor();
    await page
      .getByTestId('threshold')
      .filter({ hasText: /% support needed/ })
      .waitFor();
    await page
      .getByTestId('ledger-verification')
      .filter({ hasText: /^Valid/ })
      .waitFor();
    await tallySummary()
      .filter({ hasText: `0 of ${stakeholders} stakeholders voted` })
      .waitFor();
    // The page's voteTally and proposalUpdates are the gateway's subscribers now (the
    // honeycomb's is gone).
    await waitForSubscribers(harness.gateway.url, 2, true);
    // Layout shift from here on, as the browser scores it (issue 20 §3: none on live updates).
    await watchLayoutShift(page);
    const headBefore = await page.getByTestId('ledger-head').textContent();

    await voteAs(voters[0] ?? '', proposalId);
    await page.getByText(`1 of ${stakeholders} stakeholders voted`).waitFor();
    await voteAs(voters[1] ?? '', proposalId);
    await page.getByText(`2 of ${stakeholders} stakeholders voted`).waitFor();
    // Each vote is a ledger entry: the head shown follows the votes without a reload.
    const { ledgerHead } = await proposalNow(proposalId);
    expect(ledgerHead).not.toBe(headBefore);
    await page.getByTestId('ledger-head').filter({ hasText: ledgerHead }).waitFor();
    await page
      .getByTestId('ledger-verification')
      .filter({ hasText: /^Valid/ })
      .waitFor();
    expect(await layoutShift(page)).toEqual(noLayoutShift);
    const bar = await page.locator('.tally-voted').boundingBox();
    expect(bar?.width).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('proposal');
  });

  it('shows each routed selection live on the Router page, and its figures follow', async () => {
    await page.getByRole('link', { name: 'Router' }).click();
    await page.getByText('No selection since this page opened').waitFor();
    await page.getByText('No calls routed in the window yet.').waitFor();
    // The page's routerSelections is the gateway's one subscriber; a routed task shows live.
    await waitForSubscribers(harness.gateway.url, 1, true);
    const first = await routeTask('Summarise the rolling forecast proposal');
    await page.locator(`[data-selection-id="${first.id}"]`).waitFor();
    // The per-model table follows the selections without a reload: the call is counted.
    await expect.poll(async () => (await callsShown())[rowOf(first)], polled).toBe(1);

    // The next call moves the figures in place: nothing in the table shifts.
    await watchLayoutShift(page, 'section[aria-labelledby="models-heading"]');
    const before = await callsShown();
    const second = await routeTask('Summarise the rolling forecast proposal for the board');
    await page.locator(`[data-selection-id="${second.id}"]`).waitFor();
    await expect
      .poll(async () => (await callsShown())[rowOf(second)], polled)
      .toBe((before[rowOf(second)] ?? 0) + 1);
    expect(await layoutShift(page)).toEqual(noLayoutShift);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('router');
  });

  it('shows the alerts and KPIs', async () => {
    await page.getByRole('link', { name: 'Alerts and KPIs' }).click();
    await page.getByRole('heading', { name: 'KPIs', exact: true }).waitFor();
    await expect.poll(() => page.locator('[data-kpi-status]').count()).toBeGreaterThan(0);
    await page.locator('.alerts .state-loading').first().waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('alerts');
  });

  it('signs in with a pasted token on a 390 px phone, fits it, under its security policy', async () => {
    const phone = watched(await browser.newPage({ viewport: { width: 390, height: 844 } }));
    try {
      // Signed in the other way: a token from `npm run token`, pasted. A forged one is refused.
      await phone.goto(harness.origin);
      const [header, payload] = adminToken.split('.');
      await phone.getByLabel('Token').fill(`${header}.${payload}.forged-signature`);
      expectingNetworkErrors = true;
      await phone.getByRole('button', { name: 'Sign in', exact: true }).click();
      await phone.getByRole('alert').filter({ hasText: 'The gateway refused the token' }).waitFor();
      expectingNetworkErrors = false;
      await phone.getByLabel('Token').fill(adminToken);
      await phone.getByRole('button', { name: 'Sign in', exact: true }).click();
      await phone.locator('[data-connection="live"]').waitFor();
      await expect.poll(() => phone.locator('[data-agent-id]').count()).toBe(64);
      for (const hash of ['#/organization', `#/voting/${proposalId}`, '#/alerts']) {
        await phone.goto(`${harness.origin}/${hash}`);
        await phone.locator('main h1').first().waitFor();
        const overflow = await phone.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow, hash).toBeLessThanOrEqual(0);
        if (hash.startsWith('#/voting')) {
          await phone.getByText(`2 of ${voters.length} stakeholders voted`).waitFor();
          await phone.screenshot({ path: `${screenshots}proposal-390.png`, fullPage: true });
        }
      }
      await phone.goto(`${harness.origin}/#/organization`);
      await expect.poll(() => phone.locator('[data-agent-id]').count()).toBe(64);
      await phone.screenshot({ path: `${screenshots}organization-390.png`, fullPage: true });
    } finally {
      await phone.close();
    }
  });

  it('makes every control on a 390 px phone large enough to touch (WCAG 2.5.8)', async () => {
    // A touch screen; its CSP bypassed for axe, like the first page's.
    const phone = watched(
      await browser.newPage({
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        bypassCSP: true,
      }),
    );
    // Nav links and buttons get 44×44 px (2.5.5); every other target 24×24 px or room around it.
    const faults: Record<string, TouchTargetFault[]> = {};
    const measure = async (where: string) => {
      const found = await touchTargetFaults(phone, { selector: 'nav a, button', px: 44 });
      if (found.length > 0) faults[where] = found;
    };
    try {
      await phone.goto(harness.origin);
      await phone.getByRole('button', { name: 'Sign in with a development token' }).waitFor();
      await measure('sign-in');
      await signIn(phone);
      const pages: [string, () => Promise<void>][] = [
        [
          '#/organization',
          () => expect.poll(() => phone.locator('[data-agent-id]').count()).toBe(64),
        ],
        ['#/voting', () => phone.getByRole('link', { name: 'Adopt rolling forecasts' }).waitFor()],
        [`#/voting/${proposalId}`, () => phone.getByText(/stakeholders voted/).waitFor()],
        ['#/router', () => phone.locator('tr[data-model]').first().waitFor()],
        ['#/alerts', () => phone.locator('[data-kpi-status]').first().waitFor()],
      ];
      for (const [hash, drawn] of pages) {
        await phone.goto(`${harness.origin}/${hash}`);
        await drawn();
        await measure(hash);
      }
      // From afar a tap picks a department; up close its seats are large enough to tap.
      await phone.goto(`${harness.origin}/#/organization`);
      await expect.poll(() => phone.locator('[data-agent-id]').count()).toBe(64);
      expect(await seriousViolations(phone)).toEqual([]);
      const cell = phone.locator('[data-department-id][role="button"]').first();
      const departmentId = await cell.getAttribute('data-department-id');
      await cell.tap();
      await phone.locator(`svg[data-zoomed="${departmentId}"]`).waitFor();
      await measure('a department up close');
      await phone.screenshot({ path: `${screenshots}organization-department-390.png` });
      await phone.locator(`[data-department-id="${departmentId}"] [data-agent-id]`).first().tap();
      await phone.getByRole('button', { name: /(Pause|Resume) agent/ }).waitFor();
      await measure('agent panel');
      expect(await seriousViolations(phone)).toEqual([]);
      await phone.getByRole('button', { name: 'Show all departments' }).tap();
      await phone.locator('svg.honeycomb-overview').waitFor();
      // The focus is back on the department it left (a keyboard goes on from there).
      expect(await phone.evaluate('document.activeElement.dataset.departmentId')).toBe(
        departmentId,
      );
      expect(faults).toEqual({});
    } finally {
      await phone.close();
    }
  });

  it('recovers after a gateway restart: reconnects and keeps moving the tally', async () => {
    await page.goto(`${harness.origin}/#/voting/${proposalId}`);
    await page.locator('[data-connection="live"]').waitFor();
    await page.getByText(`2 of ${voters.length} stakeholders voted`).waitFor();
    // Every connection state the page shows from now on, in order.
    await page.evaluate(`{
      const status = document.querySelector('[data-connection]');
      window.connectionStates = [];
      new MutationObserver(() => window.connectionStates.push(status.dataset.connection))
        .observe(status, { attributes: true, attributeFilter: ['data-connection'] });
    }`);
    expectingNetworkErrors = true;
    await harness.restartGateway();
    await page.waitForFunction(
      "window.connectionStates.includes('reconnecting') && window.connectionStates.at(-1) === 'live'",
    );
    expectingNetworkErrors = false;
    await waitForSubscribers(harness.gateway.url, 2, true);
    // The subscription is back: the next vote moves the bar.
    await voteAs(voters[2] ?? '', proposalId);
    await page.getByText(`3 of ${voters.length} stakeholders voted`).waitFor();
    await shoot('proposal-after-restart');
  });

  it('follows a proposal closed by an executive elsewhere: status and ledger, no reload', async () => {
    await page.getByText(`3 of ${voters.length} stakeholders voted`).waitFor();
    await waitForSubscribers(harness.gateway.url, 2, true);
    // The page has read the proposal since the last vote: only the transition can move it now.
    const { ledgerHead } = await proposalNow(proposalId);
    await page.getByTestId('ledger-head').filter({ hasText: ledgerHead }).waitFor();
    const headBefore = await page.getByTestId('ledger-head').textContent();
    await watchLayoutShift(page);
    const { body } = await graphql<{ closeProposal: { status: string; ledgerHead: string } }>(
      harness.gateway.url,
      'mutation ($id: ID!) { closeProposal(id: $id) { status ledgerHead } }',
      { id: proposalId },
      adminToken,
    );
    const closed = body.data?.closeProposal;
    if (!closed) throw new Error(JSON.stringify(body.errors));
    expect(closed.status).not.toBe('OPEN');
    expect(closed.ledgerHead).not.toBe(headBefore);

    await page.locator(`article[data-status="${closed.status}"]`).waitFor();
    const status = closed.status.toLowerCase().replace(/_/g, ' ');
    await page.getByTestId('proposal-status').filter({ hasText: status }).waitFor();
    await page.getByTestId('ledger-head').filter({ hasText: closed.ledgerHead }).waitFor();
    await page
      .getByTestId('ledger-verification')
      .filter({ hasText: /^Valid/ })
      .waitFor();
    // The closed round is no longer blind: the bar shows how the stakeholders voted.
    await tallySummary()
      .filter({ hasText: /^Round 1: 3 approve, 0 reject, 0 abstain/ })
      .waitFor();
    // The result is stated where the page said it would be, as the round closed.
    await page
      .getByTestId('result')
      .filter({ hasText: /^Result: / })
      .waitFor();
    expect(await layoutShift(page)).toEqual(noLayoutShift);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('proposal-closed');
  });

  it('logged no console error on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
