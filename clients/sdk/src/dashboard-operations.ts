import { graphql } from './gql/index.js';

// The web dashboard's documents (issue 20): each page reads one query and follows one
// subscription, so a page is one round trip plus live updates.

/** The honeycomb: the hub, each department's cell and each agent's seat and live state. */
export const dashboardOrganizationQuery = graphql(`
  query DashboardOrganization {
    organization {
      hub {
        name
        position {
          x
          y
        }
      }
      departments {
        id
        slug
        name
        position {
          x
          y
        }
        agents {
          id
          name
          role
          status
          version
          position {
            x
            y
          }
        }
      }
    }
  }
`);

/** Every status change of an agent: recolours its seat. */
export const dashboardAgentActivitySubscription = graphql(`
  subscription DashboardAgentActivity {
    agentActivity {
      id
      status
      version
      currentTask
      load
    }
  }
`);

/** One agent's panel: its state, recent messages and tasks with their runs. */
export const dashboardAgentQuery = graphql(`
  query DashboardAgent($id: ID!) {
    agent(id: $id) {
      id
      name
      role
      status
      version
      currentTask
      load
      budgetUsedUsd
      stateUpdatedAt
      department {
        name
      }
    }
    agentInbox(agentId: $id, first: 5) {
      totalCount
      nodes {
        id
        topic
        body
        sentAt
        from {
          name
        }
      }
    }
    tasks(assigneeId: $id, first: 5) {
      id
      title
      status
      runs {
        id
      }
    }
  }
`);

export const dashboardPauseAgentMutation = graphql(`
  mutation DashboardPauseAgent($id: ID!, $version: Int!) {
    pauseAgent(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);

export const dashboardResumeAgentMutation = graphql(`
  mutation DashboardResumeAgent($id: ID!, $version: Int!) {
    resumeAgent(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);

/** Proposals, newest first, for the voting list. */
export const dashboardProposalsQuery = graphql(`
  query DashboardProposals($status: ProposalStatus) {
    proposals(status: $status) {
      id
      title
      status
      kind
      currentRound
      maxRounds
      createdAt
      department {
        name
      }
    }
  }
`);

/** A proposal's page: threshold, stakeholders, tally, rounds, bias report and ledger. */
export const dashboardProposalQuery = graphql(`
  query DashboardProposal($id: ID!) {
    proposal(id: $id) {
      id
      title
      description
      status
      kind
      currentRound
      maxRounds
      roundSeconds
      threshold
      thresholdExplanation
      ledgerHead
      department {
        name
      }
      stakeholders {
        id
        weight
        why
        agent {
          id
          name
          department {
            name
          }
        }
      }
      rounds {
        round
        openedAt
        deadline
        closedAt
        closedBecause
        support
        participation
        decision
        interval {
          low
          high
        }
      }
      result {
        support
        decision
        interval {
          low
          high
        }
      }
      biasReport {
        kind
        evidence
        mitigation
        round
      }
      tally {
        ...DashboardTally
      }
    }
    verifyLedger(proposalId: $id) {
      valid
      entries
      head
      problem
    }
  }
`);

/** What the tally bar draws; the subscription and the proposal query both read it. */
export const dashboardTallyFragment = graphql(`
  fragment DashboardTally on VoteTally {
    proposalId
    round
    blind
    approve
    reject
    abstain
    votesCounted
    stakeholders
    participation
    weightVoted
    support
    threshold
    interval {
      low
      high
    }
  }
`);

/** The live tally of one proposal: one payload per accepted vote. */
export const dashboardVoteTallySubscription = graphql(`
  subscription DashboardVoteTally($proposalId: ID!) {
    voteTally(proposalId: $proposalId) {
      ...DashboardTally
    }
  }
`);

/**
 * A proposal's transitions (closing, a new round, reopening): each changes its status, rounds
 * and ledger, so the page reads the proposal again; the payload says only what happened.
 */
export const dashboardProposalUpdatesSubscription = graphql(`
  subscription DashboardProposalUpdates($proposalId: ID!) {
    proposalUpdates(proposalId: $proposalId) {
      id
      to
      round
    }
  }
`);

/** The router's quality, latency and cost per model over its window. */
export const dashboardRoutingStatsQuery = graphql(`
  query DashboardRoutingStats {
    routingStats {
      model
      taskType
      calls
      errorRate
      meanQuality
      latencyP95Ms
      costUsd
    }
  }
`);

/** Every selection of the router as it is made, with its reasoning. */
export const dashboardRouterSelectionsSubscription = graphql(`
  subscription DashboardRouterSelections {
    routerSelections {
      id
      createdAt
      taskType
      model
      confidence
      reasoning
      status
      costUsd
      quality
      latencyMs
    }
  }
`);

/** Active alerts and the design document's KPIs with their targets. */
export const dashboardAlertsQuery = graphql(`
  query DashboardAlerts {
    alerts(limit: 50) {
      ...DashboardAlert
    }
    kpis {
      name
      value
      target
      goal
      unit
      status
    }
  }
`);

export const dashboardAlertFragment = graphql(`
  fragment DashboardAlert on Alert {
    id
    rule
    labels
    severity
    state
    value
    activeAt
    updatedAt
  }
`);

/** Every alert state change as the evaluator stores it. */
export const dashboardAlertUpdatesSubscription = graphql(`
  subscription DashboardAlertUpdates {
    alertUpdates {
      alert {
        ...DashboardAlert
      }
    }
  }
`);

/** A series forecast ahead from its stored history, each point with its 95% interval. */
export const dashboardForecastQuery = graphql(`
  query DashboardForecast($metric: String!, $horizon: Int!, $step: Int!) {
    forecast(metric: $metric, horizon: $horizon, step: $step) {
      labels
      method
      historyPoints
      points {
        at
        value
        lower
        upper
      }
    }
  }
`);
