/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query DashboardOrganization {\n    organization {\n      hub {\n        name\n        position {\n          x\n          y\n        }\n      }\n      departments {\n        id\n        slug\n        name\n        position {\n          x\n          y\n        }\n        agents {\n          id\n          name\n          role\n          status\n          version\n          position {\n            x\n            y\n          }\n        }\n      }\n    }\n  }\n": typeof types.DashboardOrganizationDocument,
    "\n  subscription DashboardAgentActivity {\n    agentActivity {\n      id\n      status\n      version\n      currentTask\n      load\n    }\n  }\n": typeof types.DashboardAgentActivityDocument,
    "\n  query DashboardAgent($id: ID!) {\n    agent(id: $id) {\n      id\n      name\n      role\n      status\n      version\n      currentTask\n      load\n      budgetUsedUsd\n      stateUpdatedAt\n      department {\n        name\n      }\n    }\n    agentInbox(agentId: $id, first: 5) {\n      totalCount\n      nodes {\n        id\n        topic\n        body\n        sentAt\n        from {\n          name\n        }\n      }\n    }\n    tasks(assigneeId: $id, first: 5) {\n      id\n      title\n      status\n      runs {\n        id\n      }\n    }\n  }\n": typeof types.DashboardAgentDocument,
    "\n  mutation DashboardPauseAgent($id: ID!, $version: Int!) {\n    pauseAgent(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.DashboardPauseAgentDocument,
    "\n  mutation DashboardResumeAgent($id: ID!, $version: Int!) {\n    resumeAgent(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.DashboardResumeAgentDocument,
    "\n  query DashboardProposals($status: ProposalStatus) {\n    proposals(status: $status) {\n      id\n      title\n      status\n      kind\n      currentRound\n      maxRounds\n      createdAt\n      department {\n        name\n      }\n    }\n  }\n": typeof types.DashboardProposalsDocument,
    "\n  query DashboardProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      description\n      status\n      kind\n      currentRound\n      maxRounds\n      roundSeconds\n      threshold\n      thresholdExplanation\n      ledgerHead\n      department {\n        name\n      }\n      stakeholders {\n        id\n        weight\n        why\n        agent {\n          id\n          name\n          department {\n            name\n          }\n        }\n      }\n      rounds {\n        round\n        openedAt\n        deadline\n        closedAt\n        closedBecause\n        support\n        participation\n        decision\n        interval {\n          low\n          high\n        }\n      }\n      result {\n        support\n        decision\n        interval {\n          low\n          high\n        }\n      }\n      biasReport {\n        kind\n        evidence\n        mitigation\n        round\n      }\n      tally {\n        ...DashboardTally\n      }\n    }\n    verifyLedger(proposalId: $id) {\n      valid\n      entries\n      head\n      problem\n    }\n  }\n": typeof types.DashboardProposalDocument,
    "\n  fragment DashboardTally on VoteTally {\n    proposalId\n    round\n    blind\n    approve\n    reject\n    abstain\n    votesCounted\n    stakeholders\n    participation\n    weightVoted\n    support\n    threshold\n    interval {\n      low\n      high\n    }\n  }\n": typeof types.DashboardTallyFragmentDoc,
    "\n  subscription DashboardVoteTally($proposalId: ID!) {\n    voteTally(proposalId: $proposalId) {\n      ...DashboardTally\n    }\n  }\n": typeof types.DashboardVoteTallyDocument,
    "\n  subscription DashboardProposalUpdates($proposalId: ID!) {\n    proposalUpdates(proposalId: $proposalId) {\n      id\n      to\n      round\n    }\n  }\n": typeof types.DashboardProposalUpdatesDocument,
    "\n  query DashboardRoutingStats {\n    routingStats {\n      model\n      taskType\n      calls\n      errorRate\n      meanQuality\n      latencyP95Ms\n      costUsd\n    }\n  }\n": typeof types.DashboardRoutingStatsDocument,
    "\n  subscription DashboardRouterSelections {\n    routerSelections {\n      id\n      createdAt\n      taskType\n      model\n      confidence\n      reasoning\n      status\n      costUsd\n      quality\n      latencyMs\n    }\n  }\n": typeof types.DashboardRouterSelectionsDocument,
    "\n  query DashboardAlerts {\n    alerts(limit: 50) {\n      ...DashboardAlert\n    }\n    kpis {\n      name\n      value\n      target\n      goal\n      unit\n      status\n    }\n  }\n": typeof types.DashboardAlertsDocument,
    "\n  fragment DashboardAlert on Alert {\n    id\n    rule\n    labels\n    severity\n    state\n    value\n    activeAt\n    updatedAt\n  }\n": typeof types.DashboardAlertFragmentDoc,
    "\n  subscription DashboardAlertUpdates {\n    alertUpdates {\n      alert {\n        ...DashboardAlert\n      }\n    }\n  }\n": typeof types.DashboardAlertUpdatesDocument,
    "\n  query DashboardForecast($metric: String!, $horizon: Int!, $step: Int!) {\n    forecast(metric: $metric, horizon: $horizon, step: $step) {\n      labels\n      method\n      historyPoints\n      points {\n        at\n        value\n        lower\n        upper\n      }\n    }\n  }\n": typeof types.DashboardForecastDocument,
    "\n  query Organization {\n    departments {\n      id\n      slug\n      name\n      agents {\n        id\n        name\n        role\n        status\n      }\n    }\n  }\n": typeof types.OrganizationDocument,
    "\n  mutation CreateProposal($input: CreateProposalInput!) {\n    createProposal(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CreateProposalDocument,
    "\n  mutation OpenDraft($id: ID!) {\n    openProposal(id: $id) {\n      id\n      status\n      threshold\n      thresholdExplanation\n      stakeholders {\n        weight\n        why\n        agent {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.OpenDraftDocument,
    "\n  mutation OpenProposal($input: OpenProposalInput!) {\n    openProposal(input: $input) {\n      id\n      title\n      status\n      stakeholders {\n        id\n      }\n    }\n  }\n": typeof types.OpenProposalDocument,
    "\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) {\n      id\n      choice\n      confidence\n    }\n  }\n": typeof types.CastVoteDocument,
    "\n  subscription VoteTally($proposalId: ID!) {\n    voteTally(proposalId: $proposalId) {\n      proposalId\n      round\n      blind\n      weightVoted\n      approve\n      reject\n      abstain\n      votesCounted\n      stakeholders\n      participation\n      support\n      lastVote {\n        choice\n        agent {\n          name\n          role\n          department {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.VoteTallyDocument,
};
const documents: Documents = {
    "\n  query DashboardOrganization {\n    organization {\n      hub {\n        name\n        position {\n          x\n          y\n        }\n      }\n      departments {\n        id\n        slug\n        name\n        position {\n          x\n          y\n        }\n        agents {\n          id\n          name\n          role\n          status\n          version\n          position {\n            x\n            y\n          }\n        }\n      }\n    }\n  }\n": types.DashboardOrganizationDocument,
    "\n  subscription DashboardAgentActivity {\n    agentActivity {\n      id\n      status\n      version\n      currentTask\n      load\n    }\n  }\n": types.DashboardAgentActivityDocument,
    "\n  query DashboardAgent($id: ID!) {\n    agent(id: $id) {\n      id\n      name\n      role\n      status\n      version\n      currentTask\n      load\n      budgetUsedUsd\n      stateUpdatedAt\n      department {\n        name\n      }\n    }\n    agentInbox(agentId: $id, first: 5) {\n      totalCount\n      nodes {\n        id\n        topic\n        body\n        sentAt\n        from {\n          name\n        }\n      }\n    }\n    tasks(assigneeId: $id, first: 5) {\n      id\n      title\n      status\n      runs {\n        id\n      }\n    }\n  }\n": types.DashboardAgentDocument,
    "\n  mutation DashboardPauseAgent($id: ID!, $version: Int!) {\n    pauseAgent(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": types.DashboardPauseAgentDocument,
    "\n  mutation DashboardResumeAgent($id: ID!, $version: Int!) {\n    resumeAgent(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": types.DashboardResumeAgentDocument,
    "\n  query DashboardProposals($status: ProposalStatus) {\n    proposals(status: $status) {\n      id\n      title\n      status\n      kind\n      currentRound\n      maxRounds\n      createdAt\n      department {\n        name\n      }\n    }\n  }\n": types.DashboardProposalsDocument,
    "\n  query DashboardProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      description\n      status\n      kind\n      currentRound\n      maxRounds\n      roundSeconds\n      threshold\n      thresholdExplanation\n      ledgerHead\n      department {\n        name\n      }\n      stakeholders {\n        id\n        weight\n        why\n        agent {\n          id\n          name\n          department {\n            name\n          }\n        }\n      }\n      rounds {\n        round\n        openedAt\n        deadline\n        closedAt\n        closedBecause\n        support\n        participation\n        decision\n        interval {\n          low\n          high\n        }\n      }\n      result {\n        support\n        decision\n        interval {\n          low\n          high\n        }\n      }\n      biasReport {\n        kind\n        evidence\n        mitigation\n        round\n      }\n      tally {\n        ...DashboardTally\n      }\n    }\n    verifyLedger(proposalId: $id) {\n      valid\n      entries\n      head\n      problem\n    }\n  }\n": types.DashboardProposalDocument,
    "\n  fragment DashboardTally on VoteTally {\n    proposalId\n    round\n    blind\n    approve\n    reject\n    abstain\n    votesCounted\n    stakeholders\n    participation\n    weightVoted\n    support\n    threshold\n    interval {\n      low\n      high\n    }\n  }\n": types.DashboardTallyFragmentDoc,
    "\n  subscription DashboardVoteTally($proposalId: ID!) {\n    voteTally(proposalId: $proposalId) {\n      ...DashboardTally\n    }\n  }\n": types.DashboardVoteTallyDocument,
    "\n  subscription DashboardProposalUpdates($proposalId: ID!) {\n    proposalUpdates(proposalId: $proposalId) {\n      id\n      to\n      round\n    }\n  }\n": types.DashboardProposalUpdatesDocument,
    "\n  query DashboardRoutingStats {\n    routingStats {\n      model\n      taskType\n      calls\n      errorRate\n      meanQuality\n      latencyP95Ms\n      costUsd\n    }\n  }\n": types.DashboardRoutingStatsDocument,
    "\n  subscription DashboardRouterSelections {\n    routerSelections {\n      id\n      createdAt\n      taskType\n      model\n      confidence\n      reasoning\n      status\n      costUsd\n      quality\n      latencyMs\n    }\n  }\n": types.DashboardRouterSelectionsDocument,
    "\n  query DashboardAlerts {\n    alerts(limit: 50) {\n      ...DashboardAlert\n    }\n    kpis {\n      name\n      value\n      target\n      goal\n      unit\n      status\n    }\n  }\n": types.DashboardAlertsDocument,
    "\n  fragment DashboardAlert on Alert {\n    id\n    rule\n    labels\n    severity\n    state\n    value\n    activeAt\n    updatedAt\n  }\n": types.DashboardAlertFragmentDoc,
    "\n  subscription DashboardAlertUpdates {\n    alertUpdates {\n      alert {\n        ...DashboardAlert\n      }\n    }\n  }\n": types.DashboardAlertUpdatesDocument,
    "\n  query DashboardForecast($metric: String!, $horizon: Int!, $step: Int!) {\n    forecast(metric: $metric, horizon: $horizon, step: $step) {\n      labels\n      method\n      historyPoints\n      points {\n        at\n        value\n        lower\n        upper\n      }\n    }\n  }\n": types.DashboardForecastDocument,
    "\n  query Organization {\n    departments {\n      id\n      slug\n      name\n      agents {\n        id\n        name\n        role\n        status\n      }\n    }\n  }\n": types.OrganizationDocument,
    "\n  mutation CreateProposal($input: CreateProposalInput!) {\n    createProposal(input: $input) {\n      id\n      status\n    }\n  }\n": types.CreateProposalDocument,
    "\n  mutation OpenDraft($id: ID!) {\n    openProposal(id: $id) {\n      id\n      status\n      threshold\n      thresholdExplanation\n      stakeholders {\n        weight\n        why\n        agent {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.OpenDraftDocument,
    "\n  mutation OpenProposal($input: OpenProposalInput!) {\n    openProposal(input: $input) {\n      id\n      title\n      status\n      stakeholders {\n        id\n      }\n    }\n  }\n": types.OpenProposalDocument,
    "\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) {\n      id\n      choice\n      confidence\n    }\n  }\n": types.CastVoteDocument,
    "\n  subscription VoteTally($proposalId: ID!) {\n    voteTally(proposalId: $proposalId) {\n      proposalId\n      round\n      blind\n      weightVoted\n      approve\n      reject\n      abstain\n      votesCounted\n      stakeholders\n      participation\n      support\n      lastVote {\n        choice\n        agent {\n          name\n          role\n          department {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.VoteTallyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardOrganization {\n    organization {\n      hub {\n        name\n        position {\n          x\n          y\n        }\n      }\n      departments {\n        id\n        slug\n        name\n        position {\n          x\n          y\n        }\n        agents {\n          id\n          name\n          role\n          status\n          version\n          position {\n            x\n            y\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardOrganization {\n    organization {\n      hub {\n        name\n        position {\n          x\n          y\n        }\n      }\n      departments {\n        id\n        slug\n        name\n        position {\n          x\n          y\n        }\n        agents {\n          id\n          name\n          role\n          status\n          version\n          position {\n            x\n            y\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardAgentActivity {\n    agentActivity {\n      id\n      status\n      version\n      currentTask\n      load\n    }\n  }\n"): (typeof documents)["\n  subscription DashboardAgentActivity {\n    agentActivity {\n      id\n      status\n      version\n      currentTask\n      load\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardAgent($id: ID!) {\n    agent(id: $id) {\n      id\n      name\n      role\n      status\n      version\n      currentTask\n      load\n      budgetUsedUsd\n      stateUpdatedAt\n      department {\n        name\n      }\n    }\n    agentInbox(agentId: $id, first: 5) {\n      totalCount\n      nodes {\n        id\n        topic\n        body\n        sentAt\n        from {\n          name\n        }\n      }\n    }\n    tasks(assigneeId: $id, first: 5) {\n      id\n      title\n      status\n      runs {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardAgent($id: ID!) {\n    agent(id: $id) {\n      id\n      name\n      role\n      status\n      version\n      currentTask\n      load\n      budgetUsedUsd\n      stateUpdatedAt\n      department {\n        name\n      }\n    }\n    agentInbox(agentId: $id, first: 5) {\n      totalCount\n      nodes {\n        id\n        topic\n        body\n        sentAt\n        from {\n          name\n        }\n      }\n    }\n    tasks(assigneeId: $id, first: 5) {\n      id\n      title\n      status\n      runs {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashboardPauseAgent($id: ID!, $version: Int!) {\n    pauseAgent(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation DashboardPauseAgent($id: ID!, $version: Int!) {\n    pauseAgent(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DashboardResumeAgent($id: ID!, $version: Int!) {\n    resumeAgent(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation DashboardResumeAgent($id: ID!, $version: Int!) {\n    resumeAgent(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardProposals($status: ProposalStatus) {\n    proposals(status: $status) {\n      id\n      title\n      status\n      kind\n      currentRound\n      maxRounds\n      createdAt\n      department {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardProposals($status: ProposalStatus) {\n    proposals(status: $status) {\n      id\n      title\n      status\n      kind\n      currentRound\n      maxRounds\n      createdAt\n      department {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      description\n      status\n      kind\n      currentRound\n      maxRounds\n      roundSeconds\n      threshold\n      thresholdExplanation\n      ledgerHead\n      department {\n        name\n      }\n      stakeholders {\n        id\n        weight\n        why\n        agent {\n          id\n          name\n          department {\n            name\n          }\n        }\n      }\n      rounds {\n        round\n        openedAt\n        deadline\n        closedAt\n        closedBecause\n        support\n        participation\n        decision\n        interval {\n          low\n          high\n        }\n      }\n      result {\n        support\n        decision\n        interval {\n          low\n          high\n        }\n      }\n      biasReport {\n        kind\n        evidence\n        mitigation\n        round\n      }\n      tally {\n        ...DashboardTally\n      }\n    }\n    verifyLedger(proposalId: $id) {\n      valid\n      entries\n      head\n      problem\n    }\n  }\n"): (typeof documents)["\n  query DashboardProposal($id: ID!) {\n    proposal(id: $id) {\n      id\n      title\n      description\n      status\n      kind\n      currentRound\n      maxRounds\n      roundSeconds\n      threshold\n      thresholdExplanation\n      ledgerHead\n      department {\n        name\n      }\n      stakeholders {\n        id\n        weight\n        why\n        agent {\n          id\n          name\n          department {\n            name\n          }\n        }\n      }\n      rounds {\n        round\n        openedAt\n        deadline\n        closedAt\n        closedBecause\n        support\n        participation\n        decision\n        interval {\n          low\n          high\n        }\n      }\n      result {\n        support\n        decision\n        interval {\n          low\n          high\n        }\n      }\n      biasReport {\n        kind\n        evidence\n        mitigation\n        round\n      }\n      tally {\n        ...DashboardTally\n      }\n    }\n    verifyLedger(proposalId: $id) {\n      valid\n      entries\n      head\n      problem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardTally on VoteTally {\n    proposalId\n    round\n    blind\n    approve\n    reject\n    abstain\n    votesCounted\n    stakeholders\n    participation\n    weightVoted\n    support\n    threshold\n    interval {\n      low\n      high\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardTally on VoteTally {\n    proposalId\n    round\n    blind\n    approve\n    reject\n    abstain\n    votesCounted\n    stakeholders\n    participation\n    weightVoted\n    support\n    threshold\n    interval {\n      low\n      high\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardVoteTally($proposalId: ID!) {\n    voteTally(proposalId: $proposalId) {\n      ...DashboardTally\n    }\n  }\n"): (typeof documents)["\n  subscription DashboardVoteTally($proposalId: ID!) {\n    voteTally(proposalId: $proposalId) {\n      ...DashboardTally\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardProposalUpdates($proposalId: ID!) {\n    proposalUpdates(proposalId: $proposalId) {\n      id\n      to\n      round\n    }\n  }\n"): (typeof documents)["\n  subscription DashboardProposalUpdates($proposalId: ID!) {\n    proposalUpdates(proposalId: $proposalId) {\n      id\n      to\n      round\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardRoutingStats {\n    routingStats {\n      model\n      taskType\n      calls\n      errorRate\n      meanQuality\n      latencyP95Ms\n      costUsd\n    }\n  }\n"): (typeof documents)["\n  query DashboardRoutingStats {\n    routingStats {\n      model\n      taskType\n      calls\n      errorRate\n      meanQuality\n      latencyP95Ms\n      costUsd\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardRouterSelections {\n    routerSelections {\n      id\n      createdAt\n      taskType\n      model\n      confidence\n      reasoning\n      status\n      costUsd\n      quality\n      latencyMs\n    }\n  }\n"): (typeof documents)["\n  subscription DashboardRouterSelections {\n    routerSelections {\n      id\n      createdAt\n      taskType\n      model\n      confidence\n      reasoning\n      status\n      costUsd\n      quality\n      latencyMs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardAlerts {\n    alerts(limit: 50) {\n      ...DashboardAlert\n    }\n    kpis {\n      name\n      value\n      target\n      goal\n      unit\n      status\n    }\n  }\n"): (typeof documents)["\n  query DashboardAlerts {\n    alerts(limit: 50) {\n      ...DashboardAlert\n    }\n    kpis {\n      name\n      value\n      target\n      goal\n      unit\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardAlert on Alert {\n    id\n    rule\n    labels\n    severity\n    state\n    value\n    activeAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment DashboardAlert on Alert {\n    id\n    rule\n    labels\n    severity\n    state\n    value\n    activeAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardAlertUpdates {\n    alertUpdates {\n      alert {\n        ...DashboardAlert\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription DashboardAlertUpdates {\n    alertUpdates {\n      alert {\n        ...DashboardAlert\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardForecast($metric: String!, $horizon: Int!, $step: Int!) {\n    forecast(metric: $metric, horizon: $horizon, step: $step) {\n      labels\n      method\n      historyPoints\n      points {\n        at\n        value\n        lower\n        upper\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardForecast($metric: String!, $horizon: Int!, $step: Int!) {\n    forecast(metric: $metric, horizon: $horizon, step: $step) {\n      labels\n      method\n      historyPoints\n      points {\n        at\n        value\n        lower\n        upper\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organization {\n    departments {\n      id\n      slug\n      name\n      agents {\n        id\n        name\n        role\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query Organization {\n    departments {\n      id\n      slug\n      name\n      agents {\n        id\n        name\n        role\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProposal($input: CreateProposalInput!) {\n    createProposal(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProposal($input: CreateProposalInput!) {\n    createProposal(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenDraft($id: ID!) {\n    openProposal(id: $id) {\n      id\n      status\n      threshold\n      thresholdExplanation\n      stakeholders {\n        weight\n        why\n        agent {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenDraft($id: ID!) {\n    openProposal(id: $id) {\n      id\n      status\n      threshold\n      thresholdExplanation\n      stakeholders {\n        weight\n        why\n        agent {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenProposal($input: OpenProposalInput!) {\n    openProposal(input: $input) {\n      id\n      title\n      status\n      stakeholders {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenProposal($input: OpenProposalInput!) {\n    openProposal(input: $input) {\n      id\n      title\n      status\n      stakeholders {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) {\n      id\n      choice\n      confidence\n    }\n  }\n"): (typeof documents)["\n  mutation CastVote($input: CastVoteInput!) {\n    castVote(input: $input) {\n      id\n      choice\n      confidence\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription VoteTally($proposalId: ID!) {\n    voteTally(proposalId: $proposalId) {\n      proposalId\n      round\n      blind\n      weightVoted\n      approve\n      reject\n      abstain\n      votesCounted\n      stakeholders\n      participation\n      support\n      lastVote {\n        choice\n        agent {\n          name\n          role\n          department {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription VoteTally($proposalId: ID!) {\n    voteTally(proposalId: $proposalId) {\n      proposalId\n      round\n      blind\n      weightVoted\n      approve\n      reject\n      abstain\n      votesCounted\n      stakeholders\n      participation\n      support\n      lastVote {\n        choice\n        agent {\n          name\n          role\n          department {\n            name\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;