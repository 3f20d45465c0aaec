import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

type Scheme = 'light' | 'dark';
type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

const BLOCKING = new Set(['serious', 'critical']);

/** One line per failing node, so a failure says which rule, where, and why without opening a report. */
export function describeViolations(screen: string, scheme: Scheme, violations: readonly Violation[]): string {
  const lines: string[] = [];
  for (const v of violations) {
    lines.push(`[${screen}, ${scheme}] ${v.impact} ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 8)) {
      const summary = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim();
      lines.push(`    ${node.target.join(' ')} :: ${summary}`);
    }
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more nodes`);
  }
  return lines.join('\n');
}

/**
 * Runs axe on the current screen in light and dark, and records (softly, so one run lists every
 * screen's problems) each serious or critical violation.
 */
export async function checkAccessibility(page: Page, screen: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    // AXE_VERBOSE=1 also lists minor findings and what axe could not decide (e.g. contrast over images).
    if (process.env.AXE_VERBOSE) {
      const undecided =
        results.incomplete
          .map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
          .join(', ') || 'none';
      console.log(
        describeViolations(screen, scheme, results.violations) ||
          `[${screen}, ${scheme}] ${results.passes.length} rules passed, none failed`,
        `\n    undecided: ${undecided}`,
      );
    }
    const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
    // Compared as text so the failure prints the readable list rather than axe's raw objects.
    expect.soft(describeViolations(screen, scheme, blocking), `axe on ${screen} (${scheme})`).toBe('');
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
