import axe from 'axe-core';
import type { Page } from 'playwright-core';

// What the dashboard's browser test measures in a page. The scripts run in the page as strings:
// this package's TypeScript has no DOM types.

/** axe-core in the page: the serious and critical WCAG 2 A/AA violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate<axe.AxeResults>(
    "axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })",
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(', ')}`);
}

/**
 * Starts adding up the page's layout shifts as the browser scores them (not caused by input), of
 * everything or only of the elements inside `within` (a CSS selector); read with `layoutShift`.
 */
export async function watchLayoutShift(page: Page, within?: string): Promise<void> {
  await page.evaluate(`{
    if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
      throw new Error('this browser does not report layout shifts');
    }
    const within = ${JSON.stringify(within ?? null)};
    const counted = (entry) =>
      within === null ||
      entry.sources.some((source) => source.node && source.node.closest?.(within));
    const box = (rect) => [rect.x, rect.y, rect.width, rect.height].map(Math.round).join(' ');
    const shifted = (source) =>
      (source.node?.nodeName ?? '?').toLowerCase() +
      ' "' + (source.node?.textContent ?? '').trim().slice(0, 30) + '" ' +
      box(source.previousRect) + ' → ' + box(source.currentRect);
    window.layoutShift = { score: 0, shifted: [] };
    window.layoutShiftObserver?.disconnect();
    window.layoutShiftObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput || !counted(entry)) continue;
        window.layoutShift.score += entry.value;
        window.layoutShift.shifted.push(...entry.sources.map(shifted));
      }
    });
    window.layoutShiftObserver.observe({ type: 'layout-shift' });
  }`);
}

/** The layout shift added up since `watchLayoutShift`, and what moved (x y width height). */
export const layoutShift = (page: Page) =>
  page.evaluate<{ score: number; shifted: string[] }>('window.layoutShift');

/** What `layoutShift` reads when nothing moved. */
export const noLayoutShift = { score: 0, shifted: [] };

/** What `touchTargetFaults` reports of a target too small for WCAG 2.5.8. */
export interface TouchTargetFault {
  target: string;
  width: number;
  height: number;
}

/**
 * The visible interactive elements a pointer can pick (not `pointer-events: none`) that fail WCAG 2.5.8 (Target Size, Minimum): smaller than
 * 24×24 CSS px, and a 24 px circle on their centre meets another target or another small one's
 * circle (the spacing exception). `minimum` names elements held to a larger size (44×44, 2.5.5).
 */
export function touchTargetFaults(
  page: Page,
  minimum: { selector: string; px: number } = { selector: ':not(*)', px: 24 },
): Promise<TouchTargetFault[]> {
  return page.evaluate<TouchTargetFault[]>(`(() => {
    const interactive =
      'a[href], button, select, input:not([type=hidden]), textarea, summary, [tabindex]:not([tabindex="-1"])';
    const targets = [...document.querySelectorAll(interactive)]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ element, box }) => {
        const style = getComputedStyle(element);
        return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' &&
          style.pointerEvents !== 'none';
      });
    const centre = ({ box }) => [box.left + box.width / 2, box.top + box.height / 2];
    const distanceToBox = ([x, y], box) =>
      Math.hypot(Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom));
    const small = ({ box }) => box.width < 24 || box.height < 24;
    const crowded = (target) =>
      targets.some((other) => {
        if (other === target) return false;
        if (distanceToBox(centre(target), other.box) < 12) return true;
        const [x, y] = centre(target);
        const [ox, oy] = centre(other);
        return small(other) && Math.hypot(x - ox, y - oy) < 24;
      });
    const min = ${JSON.stringify(minimum)};
    const fails = (target) =>
      target.element.matches(min.selector)
        ? target.box.width < min.px || target.box.height < min.px
        : small(target) && crowded(target);
    const name = (element) =>
      element.tagName.toLowerCase() +
      (element.dataset.agentId ? '[data-agent-id]' : '') +
      ' "' + (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40) + '"';
    return targets.filter(fails).map((target) => ({
      target: name(target.element),
      width: Math.round(target.box.width),
      height: Math.round(target.box.height),
    }));
  })()`);
}
