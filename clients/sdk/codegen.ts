import type { CodegenConfig } from '@graphql-codegen/cli';

// The client preset reads the public API schema that `npm run compose` writes and the operations
// in src/operations.ts, and generates typed documents under src/gql/ (committed; CI checks them).
const config: CodegenConfig = {
  emitLegacyCommonJSImports: false,
  schema: '../../schema/api.graphql',
  documents: ['src/operations.ts', 'src/dashboard-operations.ts'],
  generates: {
    'src/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          DateTimeISO: 'string',
          DateTime: 'string',
          JSONObject: 'Record<string, unknown>',
          JSON: 'unknown',
        },
      },
      // persisted-documents.json maps each operation's SHA-256 to its text: the gateway's trusted
      // documents (PERSISTED_DOCUMENTS=only serves nothing else); each document carries its hash.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
    },
  },
};

export default config;
