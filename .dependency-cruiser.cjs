// Import boundaries of the whole repository (issue 13; STYLE.md "What a service looks like").
// `npm run lint:deps` checks them; `npm test` runs it before the suites.
const io = [
  'pg',
  'pg-boss',
  'ioredis',
  '@mikro-orm/[^/]+',
  'neo4j-driver',
  '@neo4j/graphql',
  'openai',
  'express',
  'graphql',
  'graphql-ws',
  'type-graphql',
  '@apollo/[^/]+',
  'pino',
  'prom-client',
  'ws',
  'undici',
  'jose',
];
const services = '^(subgraphs|gateway|apps)/';
/** The platform's pure files (what @daena/platform/domain exports); anything else there does I/O. */
const pureOnly =
  '^packages/platform/src/(?!(domain|domain-errors|ids|principal|events|define-job|jobs)\\.ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle ties modules together: move the shared part down a layer.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'packages-are-infrastructure',
      severity: 'error',
      comment: 'Nothing in packages/ imports a service or the stack above it.',
      from: { path: '^packages/' },
      to: { path: services },
    },
    {
      name: 'no-subgraph-to-subgraph',
      severity: 'error',
      comment: 'Subgraphs share only packages/ and the schema (STYLE.md habit 6).',
      from: { path: '^subgraphs/([^/]+)/' },
      to: { path: '^subgraphs/', pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'domain/ holds pure logic: no store, schema, operations or I/O library; from the platform only @daena/platform/domain (and the contracts).',
      from: { path: '/domain/' },
      to: {
        path: [
          '/(store|schema|operations|execution|request|subscriptions|jobs)/',
          `node_modules/(${io.join('|')})/`,
          pureOnly,
        ],
      },
    },
    {
      name: 'contracts-are-pure',
      severity: 'error',
      comment:
        'packages/contracts holds event and job types and the generated GraphQL contracts (enums, inputs, typed documents), imported by domain code too: no I/O.',
      from: { path: '^packages/contracts/' },
      to: { path: [`node_modules/(${io.join('|')})/`, pureOnly, services] },
    },
    {
      name: 'domain-no-io-core-modules',
      severity: 'error',
      comment: 'domain/ does no I/O: no network, file system, process or timers modules.',
      from: { path: '/domain/' },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?(crypto|module)$' },
    },
    {
      name: 'store-below-operations',
      severity: 'error',
      comment:
        'store/ is reached by operations; it never reaches back up into schema/ or operations/.',
      from: { path: '/store/' },
      to: { path: '/(schema|operations)/' },
    },
    {
      name: 'operations-below-schema',
      severity: 'error',
      comment:
        'operations/ are use cases; GraphQL types and resolvers in schema/ call them, not the reverse.',
      from: { path: '/operations/' },
      to: { path: '/schema/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.ts$', '/test/', 'node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
