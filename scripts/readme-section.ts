/** The marker comments around the generated configuration table in README.md. */
const sectionMarkers = {
  start: '<!-- config-table:start -->',
  end: '<!-- config-table:end -->',
} as const;

function bounds(readme: string): { from: number; to: number } {
  const from = readme.indexOf(sectionMarkers.start);
  const to = readme.indexOf(sectionMarkers.end);
  if (from < 0 || to < from) {
    throw new Error(
      `README.md needs ${sectionMarkers.start} and, after it, ${sectionMarkers.end} around the configuration table`,
    );
  }
  return { from: from + sectionMarkers.start.length, to };
}

/** What stands between the markers, as `withSection` writes it. */
export function readSection(readme: string): string {
  const { from, to } = bounds(readme);
  return readme.slice(from, to);
}

/** The generated content as it sits between the markers: blank lines keep it its own block. */
export function sectionText(content: string): string {
  return `\n\n${content.trimEnd()}\n\n`;
}

/** The README with the text between the markers replaced by `content`. */
export function withSection(readme: string, content: string): string {
  const { from, to } = bounds(readme);
  return `${readme.slice(0, from)}${sectionText(content)}${readme.slice(to)}`;
}
