// `npm run docs:config`: rewrites the README's configuration table (between the
// config-table:start/end markers) from the services' zod env schemas.
// test/src/config-table.test.ts fails when the committed table differs from what this writes.
import { readFile, writeFile } from 'node:fs/promises';
import { configTable, readmePath } from './config-table-markdown.js';
import { withSection } from './readme-section.js';

const readme = await readFile(readmePath, 'utf8');
const updated = withSection(readme, await configTable());
if (updated === readme) {
  process.stdout.write('README.md: the configuration table is up to date\n');
} else {
  await writeFile(readmePath, updated);
  process.stdout.write('README.md: configuration table rewritten\n');
}
