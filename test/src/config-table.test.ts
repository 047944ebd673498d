import { glob, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configTable, envDeclarations, readmePath } from '../../scripts/config-table-markdown.js';
import { readSection, sectionText } from '../../scripts/readme-section.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Production sources: every workspace's src, less the test harness and tests. */
const productionSources = [
  '{apps,clients,packages,subgraphs}/*/src/**/*.ts',
  '{gateway,schema}/src/**/*.ts',
];
const notProduction = /(\.(test|bench|e2e)\.ts$|^packages\/testing\/)/;

/**
 * Variables production code reads outside every zod schema, each with why. An entry goes when
 * its variable is declared in a schema (the test below fails until it does).
 */
const readOutsideSchemas: Record<string, string> = {
  DEBUG: 'how much of a failed start to print (runMain), read before any config is loaded',
};

/** `process.env.X`, `process.env['X']`, and the same on an env record (`env`, `childEnv` …). */
const envRead =
  /\b(?:process\.env|[\w$]*[eE]nv)(?:(?:\?\.)?\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\]|\??\.([A-Z][A-Z0-9_]*)\b)/g;

/** Every variable production code reads by name, with the first file that reads it. */
async function envReadsInProductionCode(): Promise<Map<string, string>> {
  const reads = new Map<string, string>();
  for (const pattern of productionSources) {
    for await (const file of glob(pattern, { cwd: repoRoot })) {
      if (notProduction.test(file)) continue;
      const source = await readFile(`${repoRoot}${file}`, 'utf8');
      for (const match of source.matchAll(envRead)) {
        const variable = match[1] ?? match[2];
        if (variable && !reads.has(variable)) reads.set(variable, file);
      }
    }
  }
  return reads;
}

describe("the README's configuration table", () => {
  it('is what the zod schemas generate', async () => {
    const readme = await readFile(readmePath, 'utf8');
    expect(
      readSection(readme),
      'README.md: the configuration table is stale; run `npm run docs:config`',
    ).toBe(sectionText(await configTable()));
  });

  it('lists every variable production code reads', async () => {
    const documented = new Set(envDeclarations().keys());
    const reads = await envReadsInProductionCode();
    const undeclared = [...reads]
      .filter(([variable]) => !documented.has(variable) && !(variable in readOutsideSchemas))
      .map(([variable, file]) => `${variable} (read in ${file})`);
    expect(
      undeclared,
      "declare each in its service's zod env schema with .describe('…'), then run `npm run docs:config`",
    ).toEqual([]);
  });

  it('keeps no stale exception', async () => {
    const reads = await envReadsInProductionCode();
    const documented = new Set(envDeclarations().keys());
    const stale = Object.keys(readOutsideSchemas).filter(
      (variable) => documented.has(variable) || !reads.has(variable),
    );
    expect(stale, 'remove these from readOutsideSchemas in this test').toEqual([]);
  });
});
