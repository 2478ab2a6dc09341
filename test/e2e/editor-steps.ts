import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { until, type Workbench } from './workbench.js';

/** Steps that the desktop test (extension.e2e.test.ts) and the web test (web-extension.e2e.test.ts) both take. */

/**
 * An export as the editor makes it, for the desktop and the web tests: the command, its save dialog
 * answered with `target`, and the file's text once `complete` says it is written whole.
 */
export async function exportThroughDialog(vscode: Workbench, command: string, titles: RegExp, target: string,
    complete: (text: string) => boolean, timeout = 120_000): Promise<string> {
    await vscode.runCommand(command, titles);
    // code-server's save dialog is VS Code's own: a quick input holding the path.
    await vscode.answerPathDialog(target);
    return until(`the exported ${path.basename(target)}`, async () => {
        if (!fs.existsSync(target)) return undefined;
        const text = fs.readFileSync(target, 'utf8');
        return complete(text) ? text : undefined;
    }, timeout);
}

/** The exported guide of the bewonersbeheer tree: its question, everything inline, a policy that lets it load nothing from elsewhere. */
export function expectSelfContainedGuide(html: string): void {
    expect(html).toContain('Is er sprake van onenigheid binnen de beheergroep?');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src (?:'|&#39;)none(?:'|&#39;);/);
    expect(html).not.toMatch(/<(?:script|img)\b[^>]*\bsrc=["']https?:|<link\b[^>]*\bhref=["']https?:/);
}

/**
 * "Bewaar als scenario" in a walk panel that shows the advice after the answers nee, ja: an edit at
 * the end of `file` (saved by auto save), which holds the walk as a scenario of `tree`.
 */
export async function saveWalkAsScenario(panel: Locator, file: string, tree: string, timeout = 60_000): Promise<void> {
    const advice = await panel.locator('.walk-advice').getAttribute('data-node');
    const before = fs.readFileSync(file, 'utf8');
    await panel.locator('button.walk-save').click();
    const added = await until('the scenario at the end of the file', async () => {
        const now = fs.readFileSync(file, 'utf8');
        return now.length > before.length ? now.slice(before.length) : undefined;
    }, timeout);
    // The walk passes the example box "Buurtbemiddeling inzetten" (it has `daarna`): the scenario pins it with `langs`.
    expect(added).toMatch(new RegExp(`scenario "[^"]+" \\{\\s*beslisboom ${tree}\\s*Stabiel: nee\\s*Onenigheid: ja\\s*langs BuurtbemiddelingInzetten\\s*verwacht ${advice}\\s*\\}`));
}

/**
 * The Testing view lists the scenario files and "Run Scenarios" runs every scenario green: the
 * summary says `expected/expected` (the count `handreiking test` gives) and no item failed.
 * Returns the summary's text.
 */
export async function runScenariosGreen(vscode: Workbench, page: Page, runTitles: RegExp, expected: number): Promise<string> {
    await vscode.runCommand('Testing: Focus on Test Explorer View', /Focus on Test Explorer View/);
    const rows = page.locator('.test-explorer .monaco-list-row');
    await until('scenario files in the Test Explorer', async () => await rows.count() > 0);
    expect(await rows.filter({ hasText: 'scenarios/bewonersbeheer.hrk' }).count()).toBe(1);
    await vscode.runCommand('Handreiking: Run Scenarios', runTitles);
    const summary = await until(`${expected}/${expected} passed`, async () => {
        const text = (await page.locator('.test-explorer .result-summary').first().innerText()).replace(/\s+/g, ' ');
        return text.includes(`${expected}/${expected}`) ? text : undefined;
    }, 60_000);
    expect(await page.locator('.test-explorer .codicon-testing-failed-icon, .test-explorer .codicon-testing-error-icon').count()).toBe(0);
    return summary;
}
