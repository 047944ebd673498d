import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { envReaders, serviceNames, type EnvReader } from './config-schemas.js';
import { envFieldDoc, type EnvFieldDoc } from './env-field-doc.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));

/** One variable as one reader declares it. */
interface Declaration {
  reader: string;
  doc: EnvFieldDoc;
}

/** Every variable of the schemas, in first-declared order, with each reader's declaration. */
export function envDeclarations(
  readers: readonly EnvReader[] = envReaders,
): Map<string, Declaration[]> {
  const variables = new Map<string, Declaration[]>();
  for (const { name, schema } of readers) {
    for (const [variable, field] of Object.entries(schema.shape)) {
      const doc = envFieldDoc(field);
      if (!doc.description) {
        throw new Error(
          `${variable} (${name}) has no description: add .describe('…') to its zod field`,
        );
      }
      variables.set(variable, [...(variables.get(variable) ?? []), { reader: name, doc }]);
    }
  }
  return variables;
}

/** The configuration table, formatted as Prettier formats the README. */
export async function configTable(readers: readonly EnvReader[] = envReaders): Promise<string> {
  const rows = [...envDeclarations(readers)].map(([variable, declarations]) =>
    [
      `\`${variable}\``,
      readerList(declarations.map((d) => d.reader)),
      inlineCell(byValue(declarations, fallbackText)),
      inlineCell(byValue(declarations, (doc) => doc.accepts)),
      labelledCell(byValue(declarations, (doc) => doc.description ?? '')),
    ].map(escapeCell),
  );
  const lines = [
    '| variable | read by | default | accepts | description |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
  const options = await resolveConfig(readmePath);
  return format(`${lines.join('\n')}\n`, { ...options, parser: 'markdown' });
}

/** "stack, every service" rather than six names; readers keep the table's order. */
function readerList(readers: string[]): string {
  if (!serviceNames.every((service) => readers.includes(service))) return readers.join(', ');
  return [...readers.filter((r) => !serviceNames.includes(r)), 'every service'].join(', ');
}

/**
 * The readers of each distinct value, so a difference between services shows in the table
 * instead of hiding behind one of them.
 */
function byValue(
  declarations: Declaration[],
  value: (doc: EnvFieldDoc) => string,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { reader, doc } of declarations) {
    groups.set(value(doc), [...(groups.get(value(doc)) ?? []), reader]);
  }
  return groups;
}

/** `4000` when every reader agrees, else `4000 (stack, gateway), 4001 (agents)`. */
function inlineCell(groups: Map<string, string[]>): string {
  if (groups.size === 1) return [...groups.keys()].join('');
  return [...groups].map(([text, readers]) => `${text} (${readers.join(', ')})`).join(', ');
}

/** Long texts that differ go one per line, each after its readers. */
function labelledCell(groups: Map<string, string[]>): string {
  if (groups.size === 1) return [...groups.keys()].join('');
  return [...groups].map(([text, readers]) => `**${readerList(readers)}:** ${text}`).join('<br>');
}

function fallbackText(doc: EnvFieldDoc): string {
  if (doc.fallback === undefined) return doc.required ? 'required' : 'unset';
  // A default computed from the checkout's location is shown relative to the repository.
  const shown = doc.fallback.startsWith(repoRoot) ? relative(repoRoot, doc.fallback) : doc.fallback;
  return `\`${shown}\``;
}

function escapeCell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}
