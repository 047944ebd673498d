import { Role, signToken } from '@daena/platform';
import { graphql, testJwtSecret, type OpenAiStub, type StubChatRequest } from '@daena/testing';
import { expect } from 'vitest';
import { subscribe, waitForSubscribers } from './live.js';

/** Two models on the loopback stub: a strong dear one and a good cheap one. */
export function routerModels(stubUrl: string): string {
  return JSON.stringify([
    {
      name: 'premium',
      baseURL: stubUrl,
      apiKeyEnv: 'E2E_LLM_KEY',
      inputUsdPerMTok: 10,
      outputUsdPerMTok: 30,
      contextWindow: 128_000,
      priorQuality: { default: 0.9 },
    },
    {
      name: 'budget',
      baseURL: stubUrl,
      apiKeyEnv: 'E2E_LLM_KEY',
      inputUsdPerMTok: 0.2,
      outputUsdPerMTok: 0.6,
      contextWindow: 32_000,
      priorQuality: { default: 0.85 },
    },
  ]);
}

/**
 * The stub's answer to an agent's vote request: a vote as JSON, in the agent's own words, so the
 * LLM path of CMP is the one taken end to end (other requests get the default echo).
 */
export function stubVote(request: StubChatRequest): string | undefined {
  const system = request.messages.find((message) => message.role === 'system')?.content ?? '';
  if (!request.json || !system.includes('Vote on the proposal')) return undefined;
  const role = /You are the (.+?) of the (.+?) department/.exec(system);
  const risk = Number(/Risk ([\d.]+)/.exec(request.messages.at(-1)?.content ?? '')?.[1] ?? 0.5);
  return JSON.stringify({
    choice: risk < 0.6 ? 'APPROVE' : 'REJECT',
    confidence: 0.7,
    rationale: `As ${role?.[1] ?? 'an agent'} of ${role?.[2] ?? 'my department'}, I weighed a risk of ${risk.toFixed(2)}.`,
  });
}

type Selection = {
  routerSelections: {
    id: string;
    model: string;
    reasoning: string;
    fallbacks: string[];
    classification: { taskType: string; signals: string[] };
  };
};

/**
 * Router end to end (issue 5, "Done when"): each selection arrives live with its reasoning on a
 * second gateway, and killing the chosen provider mid-run moves traffic to the fallback with no
 * failed task.
 */
export async function expectRouterSelectionsLive(
  actorGateway: string,
  subscriberGateway: string,
  stub: OpenAiStub,
): Promise<void> {
  const admin = await signToken(testJwtSecret, { sub: 'e2e-router-admin', roles: [Role.ADMIN] });
  await waitForSubscribers(subscriberGateway, 0, true);
  const live = subscribe<Selection>(
    subscriberGateway.replace(/^http/, 'ws'),
    'subscription { routerSelections(taskType: SUMMARISATION) { id model reasoning fallbacks classification { taskType signals } } }',
    {},
    admin,
  );
  const route = (text: string) =>
    graphql<{ routeTask: { answer: string; decision: { id: string; servedBy: string } } }>(
      actorGateway,
      'mutation ($text: String!) { routeTask(input: { text: $text }) { answer decision { id servedBy } } }',
      { text },
      admin,
    );
  try {
    await waitForSubscribers(subscriberGateway, 1);
    const served: string[] = [];
    let killed: string | undefined;
    for (let task = 0; task < 8; task += 1) {
      const selected = live.next();
      const { body } = await route(`Summarise report ${task}: sales grew 4% in the north region.`);
      expect(body.errors).toBeUndefined();
      const decision = body.data?.routeTask.decision;
      served.push(decision?.servedBy ?? 'none');
      const { routerSelections } = await selected;
      expect(routerSelections.id).toBe(decision?.id);
      expect(routerSelections.classification.taskType).toBe('SUMMARISATION');
      expect(routerSelections.reasoning).toContain(routerSelections.model);
      expect(routerSelections.fallbacks.length).toBeGreaterThan(0);
      // Midway, the provider that has been answering dies.
      if (task === 3) {
        killed = decision?.servedBy;
        stub.setBehaviour(killed ?? 'premium', { kind: 'fail', status: 503 });
      }
    }
    expect(served.slice(4).every((model) => model !== killed && model !== 'none')).toBe(true);
  } finally {
    stub.setBehaviour('premium', { kind: 'ok' });
    stub.setBehaviour('budget', { kind: 'ok' });
    await live.close();
  }
}

/** With no LLM service configured, the router still answers: from the labelled offline model. */
export async function expectOfflineRouterAnswers(gatewayUrl: string): Promise<void> {
  const admin = await signToken(testJwtSecret, { sub: 'e2e-offline-admin', roles: [Role.ADMIN] });
  const { body } = await graphql<{
    routeTask: { answer: string; decision: { servedBy: string; taskType: string } };
  }>(
    gatewayUrl,
    `
      mutation {
        routeTask(
          input: {
            text: "Summarise: Revenue grew 12% in Q3. Costs fell 3%. Hiring paused in October."
          }
        ) {
          answer
          decision {
            servedBy
            taskType
          }
        }
      }
    `,
    {},
    admin,
  );
  expect(body.errors).toBeUndefined();
  expect(body.data?.routeTask.decision).toEqual({ servedBy: 'offline', taskType: 'SUMMARISATION' });
  expect(body.data?.routeTask.answer).toMatch(/^\[offline\]/);
}
