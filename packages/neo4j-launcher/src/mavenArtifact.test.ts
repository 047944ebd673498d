import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Neo4jLaunchError } from './errors.js';
import { fetchMavenArtifact } from './mavenArtifact.js';

let dir: string;
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('fetchMavenArtifact', () => {
  it('says in one line what to install when Java is missing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'daena-artifact-'));
    const error = await fetchMavenArtifact(
      { groupId: 'com.github.codemonstur', artifactId: 'embedded-redis', version: '1.4.3' },
      { outputDir: dir, java: 'daena-no-such-java' },
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Neo4jLaunchError);
    expect((error as Neo4jLaunchError).code).toBe('NEO4J_JAVA_MISSING');
    expect((error as Error).message).toMatch(
      /^`daena-no-such-java` is not on PATH\. Install a JDK 17\+/,
    );
    expect((error as Error).message).not.toContain('\n');
  });
});
