// The embedded stores alone, for callers that need no services (the test runner): importing the
// package root loads every subgraph.
export { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.js';
export { startEmbeddedRedis, type EmbeddedRedisHandle } from './embedded-redis.js';
export { PortInUseError, StartupError } from './startup-error.js';
