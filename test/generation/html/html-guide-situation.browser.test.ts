import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FundingJson, HandreikingJson, ScenarioJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { anchorId } from '../../../language/generation/html/guide-contract.js';
import { situationFragment } from '../../../language/walkthrough/situation-link.js';
import { axeViolations } from '../../support/axe.js';
import { exampleGuide, expectNothingWrong, openGuide, type Problems, walkScenario } from './guide-page.js';

/**
 * "Uw situatie" in Chromium: the summary after a walk (answers, advice, chapters, funding for the
 * advice's typology), with axe, on paper, and as a link that restores the walk — also when the
 * link is hostile or broken.
 */

let browser: Browser;
let json: HandreikingJson;
let file: string;
let scenario: ScenarioJson;
let tree: TreeJson;

beforeAll(async () => {
    ({ browser, json, file } = await exampleGuide('hrk-situatie-'));
    // A walk to an advice with a typology that has funding with an expiry date (the SOO).
    scenario = json.scenarios.find(s => {
        const advice = json.trees.find(t => t.id === s.tree)!.nodes.find(n => n.id === s.expected)!;
        const typology = json.typologies.find(t => t.id === advice.typology);
        return typology && Object.values(typology.funding).flat().some(id => json.funding.find(f => f.id === id)?.validUntil);
    })!;
    expect(scenario).toBeDefined();
    tree = json.trees.find(t => t.id === scenario.tree)!;
});

afterAll(async () => {
    await browser?.close();
});

/** What the summary must say for the scenario's walk. */
function expected() {
    const advice = tree.nodes.find(n => n.id === scenario.expected)!;
    const typology = json.typologies.find(t => t.id === advice.typology)!;
    const funding = (['incidental', 'multiYear', 'structural'] as const).flatMap(term => typology.funding[term]).map(id => json.funding.find(f => f.id === id)!);
    return {
        answers: scenario.answers.map(a => `${tree.nodes.find(n => n.id === a.question)!.text} — ${a.answer}`),
        advice,
        typology,
        chapters: advice.links.filter(l => l.kind === 'chapter').map(l => l.title),
        funding
    };
}

async function readSummary(page: Page) {
    const section = page.locator('#uw-situatie');
    return {
        visible: await section.isVisible(),
        answers: await section.locator('.situation-answers li').allTextContents(),
        advice: await section.locator('.situation-advice .wt-text').allTextContents(),
        chapters: await section.locator('.situation-chapters a').allTextContents(),
        funding: await section.locator('.situation-funding > li').evaluateAll(lis => lis.map(li => li.getAttribute('data-funding'))),
        text: (await section.textContent()) ?? '',
        link: await section.locator('a.situation-link').getAttribute('href')
    };
}

function expectSummary(summary: Awaited<ReturnType<typeof readSummary>>): void {
    const want = expected();
    expect(summary.visible).toBe(true);
    expect(summary.answers).toEqual(want.answers);
    expect(summary.advice).toEqual([want.advice.text]);
    expect(summary.chapters).toEqual(want.chapters);
    expect(summary.funding).toEqual(want.funding.map(f => f.id));
    const expiring = want.funding.find((f: FundingJson) => f.validUntil === '2027-01-01');
    if (expiring) expect(summary.text).toContain(`${expiring.title} — geldig tot 1 januari 2027`);
    expect(summary.text).toContain(`Financiering bij ‘${want.typology.title}’`);
    expect(summary.link).toBe(situationFragment({ tree: tree.id, answers: scenario.answers }));
}

describe('the summary of a walk', () => {
    let page: Page;
    let problems: Problems;

    beforeAll(async () => {
        ({ page, problems } = await openGuide(browser, file));
    });
    afterAll(() => page?.close());

    test('opens from the advice, with the answers, the advice, its chapters and the funding of its typology; focus on its heading', async () => {
        const section = page.locator(`#${anchorId('tree', tree.id)}`);
        await walkScenario(section, scenario);
        expect(await page.locator('#uw-situatie').isVisible()).toBe(false);
        await section.locator('.wt-result button.wt-situation').click();
        expectSummary(await readSummary(page));
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('uw-situatie-titel');
        // The sources are links with their address as text; nothing is loaded.
        const sources = await page.locator('#uw-situatie .situation-sources a').evaluateAll(as => as.map(a => [a.getAttribute('href'), a.textContent]));
        for (const [href, text] of sources) expect(href).toBe(text);
    });

    test('axe finds no violations with the summary open', async () => {
        expect(await axeViolations(page)).toEqual([]);
    });

    test('printed, the summary stands alone; closed, the whole guide prints again', async () => {
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('#uw-situatie').isVisible()).toBe(true);
        for (const hidden of ['nav.toc', '.site-header', '#beslisbomen', '#financiering', '.situation-actions']) expect(await page.locator(hidden).isVisible(), hidden).toBe(false);
        await page.emulateMedia({ media: 'screen' });
        await page.locator('#uw-situatie .situation-close').click();
        expect(await page.locator('#uw-situatie').isVisible()).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.classList.contains('wt-situation'))).toBe(true);
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('#beslisbomen').isVisible()).toBe(true);
        await page.emulateMedia({ media: 'screen' });
    });

    test('hostile or broken links restore nothing they should not, and say why', async () => {
        const question = scenario.answers[0].question;
        const cases: Array<[string, RegExp]> = [
            ['#situatie?boom=', /noemt geen beslisboom/],
            ['#situatie?boom=BestaatNiet&a=x:y', /staat niet \(meer\) in deze gids/],
            ['#situatie?boom=__proto__', /staat niet \(meer\) in deze gids/],
            [`#situatie?boom=${tree.id}&a=zonderdubbelepunt`, /beschadigd/],
            [`#situatie?boom=${tree.id}&a=${'x'.repeat(9000)}`, /te lang/],
            [`#situatie?boom=${encodeURIComponent(tree.id)}&a=${encodeURIComponent(`${question}:<img src=x onerror="window.__pwned=1">`)}`, /Niet alle antwoorden uit de link passen/],
            [`#situatie?boom=%E0%A4%A&a=%ZZ:%`, /beschadigd|staat niet/]
        ];
        for (const [hash, message] of cases) {
            await page.evaluate(h => { location.hash = h; }, hash);
            await page.waitForFunction(() => !document.getElementById('uw-situatie')!.hidden);
            expect(await page.locator('#uw-situatie .situation-problem').textContent(), hash.slice(0, 60)).toMatch(message);
            await page.locator('#uw-situatie .situation-close').click();
            await page.evaluate(() => { location.hash = '#inhoud'; });
        }
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        expect(await page.locator('#uw-situatie img').count()).toBe(0);
    });

    test('no console errors, page errors, requests or CSP violations', async () => {
        await expectNothingWrong(page, problems);
    });
});

describe('a deep link', () => {
    test('opening the guide with a situation link restores the walk and opens the summary; nothing is requested', async () => {
        const { page, problems } = await openGuide(browser, file, { hash: situationFragment({ tree: tree.id, answers: scenario.answers }), diagrams: false });
        try {
            await page.waitForFunction(() => !document.getElementById('uw-situatie')!.hidden);
            expectSummary(await readSummary(page));
            const section = page.locator(`#${anchorId('tree', tree.id)}`);
            expect(await section.locator('.wt-result').getAttribute('data-node')).toBe(scenario.expected);
            expect(await section.locator('.wt-path > li[data-answer]').evaluateAll(lis => lis.map(li => li.getAttribute('data-answer'))))
                .toEqual(scenario.answers.map(a => a.answer));
            await page.waitForSelector('html[data-hrk-diagrams="ready"]');
            // The diagram, drawn later, marks the restored path.
            expect(await section.locator('.diagram-canvas svg g.node.hrk-current').count()).toBe(1);
            await expectNothingWrong(page, problems);
        } finally {
            await page.close();
        }
    });

    test('a link whose answers stop half-way restores the walk up to there, at the next question', async () => {
        const { page, problems } = await openGuide(browser, file, { hash: situationFragment({ tree: tree.id, answers: scenario.answers.slice(0, 1) }), diagrams: false });
        try {
            await page.waitForFunction(() => !document.getElementById('uw-situatie')!.hidden);
            expect(await page.locator('#uw-situatie .situation-problem').textContent()).toMatch(/hersteld/);
            const section = page.locator(`#${anchorId('tree', tree.id)}`);
            expect(await section.locator('.wt-path > li[data-answer]').count()).toBe(1);
            expect(await section.locator('.wt-current .wt-question').count()).toBe(1);
            await expectNothingWrong(page, problems);
        } finally {
            await page.close();
        }
    });
});
