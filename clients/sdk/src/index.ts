export {
  createDaenaClient,
  DaenaRequestError,
  type DaenaClient,
  type DaenaClientOptions,
} from './client.js';
export * from './operations.js';
export * from './dashboard-operations.js';
export type * from './gql/graphql.js';
