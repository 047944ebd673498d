import { writeFile } from 'node:fs/promises';
import { composeSupergraph, schemaDir } from './compose.js';

// `npm run compose`: writes schema/<subgraph>.graphql and schema/supergraph.graphql.
const composition = await composeSupergraph();
for (const [file, contents] of Object.entries(composition.files)) {
  await writeFile(`${schemaDir}/${file}`, contents);
  process.stdout.write(`wrote schema/${file}\n`);
}
if (composition.errors.length > 0) {
  process.stderr.write(
    `Composition failed:\n${composition.errors.map((e) => `  - ${e}`).join('\n')}\n`,
  );
  process.exit(1);
}
// The subgraphs' modules may hold handles (loggers, pools); the work is done.
process.exit(0);
