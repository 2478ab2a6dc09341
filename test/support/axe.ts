import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * axe-core in a test page, without touching the page's Content Security Policy: the guide allows
 * only its own inline scripts (by hash), so `addScriptTag` would be refused; `page.evaluate` runs
 * axe's source in the page anyway, because a test's own evaluation is not subject to the page's CSP.
 * The production page is not changed in any way for this.
 */

/** The WCAG 2.0 and 2.1 rules at level A and AA: what the Dutch public sector must meet. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let source: string | undefined;

function axeSource(): string {
    source ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf-8');
    return source;
}

/**
 * Runs axe on the page (or on `selector` only) and returns each violation as one readable line:
 * the rule, its impact and the elements it found, so a failing test says what to fix.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
    const violations = await page.evaluate(async ({ tags, selector }) => {
        const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact?: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
        const result = await axe.run(selector ?? document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map(v => ({ id: v.id, impact: v.impact ?? '', nodes: v.nodes.map(n => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`) }));
    }, { tags: WCAG_TAGS, selector });
    return violations.map(v => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.nodes.slice(0, 5).join(' | ')}`);
}
