// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const subgraphs = ['agents', 'decisions', 'knowledge', 'metrics'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/target/**',
      '**/.daena/**',
      '**/.turbo/**',
      'clients/sdk/src/gql/**',
      'packages/contracts/src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]',
          message: 'No focused or skipped tests on main.',
        },
      ],
    },
  },
  // Boundaries: a subgraph never imports another subgraph (STYLE.md habit 6).
  ...subgraphs.map((name) => ({
    files: [`subgraphs/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: subgraphs
            .filter((other) => other !== name)
            .flatMap((other) => [
              `@daena/${other}`,
              `@daena/${other}/*`,
              `**/subgraphs/${other}/**`,
            ]),
        },
      ],
    },
  })),
  // Shared packages are infrastructure: they never import a service or the stack above them.
  {
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['@daena/gateway', '@daena/stack', ...subgraphs.map((s) => `@daena/${s}`)],
        },
      ],
    },
  },
  // Clients never import server code.
  {
    files: ['clients/**/*.ts', 'clients/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@daena/platform',
            '@daena/gateway',
            '@daena/stack',
            ...subgraphs.map((s) => `@daena/${s}`),
          ],
        },
      ],
    },
  },
);
