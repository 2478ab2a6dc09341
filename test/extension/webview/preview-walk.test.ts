import { describe, expect, test } from 'vitest';
import { previewData, renameAnswer, retext, idsOf } from './preview-data.js';
import { mermaidIdOf, type PreviewPage, type PageOptions } from './preview-page.js';
import { usePreviewPage } from './use-preview-page.js';

const preview = usePreviewPage();

const quickscan = () => preview.data.trees.find(t => t.tree.id === 'QuickscanBoom')!;

const opened = (options?: PageOptions): Promise<PreviewPage> => preview.opened(options);

/** The question the panel asks now (its tree node id). */
function asking(p: PreviewPage): Promise<string | null> {
    return p.page.locator('.walk-panel .walk-question').getAttribute('data-node');
}

async function answer(p: PreviewPage, label: string): Promise<void> {
    await p.page.click(`.walk-panel .walk-answer[data-answer="${label}"]`);
}

describe('the walkthrough', () => {
    test('every example scenario reaches its expected advice, and "Bewaar als scenario" posts it', async () => {
        const p = await opened();
        expect(preview.json.scenarios.length).toBeGreaterThan(20);
        for (const scenario of preview.json.scenarios) {
            await p.send({ type: 'walk', tree: scenario.tree });
            await p.page.waitForSelector(`.walk-panel:not([hidden]) h2`);
            for (const { question, answer: label } of scenario.answers) {
                await expect.poll(() => asking(p), { message: scenario.name }).toBe(question);
                await answer(p, label);
            }
            await expect.poll(() => p.page.locator('.walk-panel .walk-advice').getAttribute('data-node'), { message: scenario.name }).toBe(scenario.expected);
            expect(await p.page.locator('.tree-picker').inputValue()).toBe(scenario.tree);
            const before = (await p.posted()).length;
            await p.page.click('.walk-panel .walk-save');
            await expect.poll(async () => (await p.posted()).slice(before)).toEqual([
                { type: 'saveScenario', tree: scenario.tree, answers: scenario.answers, expected: scenario.expected }
            ]);
        }
    }, 180_000);

    test('"Doorlopen" starts at the first question; back and restart; the path is listed and highlighted', async () => {
        const p = await opened();
        const ids = idsOf(quickscan());
        await p.page.click('.walk-button');
        expect(await asking(p)).toBe('GoNoGo');
        // The steps before the first question are passed by themselves and marked as the path.
        expect(await p.marked('hrk-walk-path', ids)).toEqual(['Behoeften', 'Doel', 'Toetsen']);
        expect(await p.marked('hrk-walk-current', ids)).toEqual(['GoNoGo']);

        await answer(p, 'ja');
        await answer(p, 'ja');
        expect(await asking(p)).toBe('Ouderen');
        expect(await p.page.locator('.walk-path li').count()).toBe(7);
        expect(await p.page.locator('.walk-path li[data-node="GeschikteRuimte"]').textContent()).toContain('— ja');
        expect(await p.marked('hrk-walk-path', ids)).toEqual(['Behoeften', 'Doel', 'GeschikteRuimte', 'GoNoGo', 'Locatie', 'Partners', 'Toetsen']);
        expect(await p.marked('hrk-walk-current', ids)).toEqual(['Ouderen']);
        // Edges on the path: start → Doel → … → Ouderen, 8 of them.
        expect(await p.page.locator('path.flowchart-link.hrk-walk-edge').count()).toBe(8);

        await p.page.click('.walk-panel .walk-back');
        expect(await asking(p)).toBe('GeschikteRuimte');
        expect(await p.marked('hrk-walk-current', ids)).toEqual(['GeschikteRuimte']);
        await answer(p, 'nee');
        expect(await p.page.locator('.walk-panel .walk-advice').getAttribute('data-node')).toBe('ZonderRuimte');
        const links = quickscan().tree.nodes.find(n => n.id === 'ZonderRuimte')!.links;
        expect(links.map(l => l.kind)).toEqual(['chapter']);
        expect(await p.page.locator('.walk-panel .walk-links li').allTextContents()).toEqual(links.map(l => `${l.title} (hoofdstuk)`));

        await p.page.click('.walk-panel .walk-restart');
        expect(await asking(p)).toBe('GoNoGo');
        expect(await p.page.locator('.walk-path li').count()).toBe(3);

        await p.page.click('.walk-panel .walk-close');
        expect(await p.page.locator('.walk-panel').isHidden()).toBe(true);
        expect(await p.marked('hrk-walk-path', ids)).toEqual([]);
        // Walking draws nothing new: highlighting is classes on the drawn SVG.
        expect((await p.stats()).renders).toBe(1);
    });

    test('the advice shows its examples and links', async () => {
        const p = await opened();
        const bewonersbeheer = preview.json.trees.find(t => t.id === 'Bewonersbeheer')!;
        const advice = bewonersbeheer.nodes.find(n => n.kind === 'advice' && n.examples.length > 0 && n.links.length > 0);
        expect(advice).toBeDefined();
        const scenario = preview.json.scenarios.find(s => s.tree === 'Bewonersbeheer' && s.expected === advice!.id);
        expect(scenario).toBeDefined();
        await p.send({ type: 'walk', tree: 'Bewonersbeheer' });
        await p.page.waitForSelector('.walk-panel:not([hidden]) .walk-question');
        for (const a of scenario!.answers) await answer(p, a.answer);
        expect(await p.page.locator('.walk-examples li').allTextContents()).toEqual(advice!.examples);
        expect(await p.page.locator('.walk-links li').count()).toBe(advice!.links.length);
    });

    test('start from any question: by the picker, by the walk message, by clicking a question', async () => {
        const p = await opened();
        await p.page.click('.walk-button');
        await p.page.selectOption('.walk-panel .walk-from', 'Ouderen');
        await p.page.click('.walk-panel .walk-start-from');
        expect(await asking(p)).toBe('Ouderen');
        expect(await p.page.locator('.walk-path li').count()).toBe(0);
        await answer(p, 'ja');
        // A walk from the middle is no scenario (scenarios start at the tree's start).
        expect(await p.page.locator('.walk-panel .walk-save').count()).toBe(0);
        expect(await p.page.locator('.walk-panel .walk-note').isVisible()).toBe(true);

        await p.page.click(`[id="${await p.groupId(mermaidIdOf(idsOf(quickscan()), 'Buurtgericht'))}"]`);
        expect(await asking(p)).toBe('Buurtgericht');
        expect(await p.marked('hrk-walk-current', idsOf(quickscan()))).toEqual(['Buurtgericht']);

        await p.send({ type: 'walk', tree: 'SooToets', from: 'Leeftijd' });
        await p.idle(2);
        await expect.poll(() => asking(p)).toBe('Leeftijd');
        expect(await p.page.locator('.tree-picker').inputValue()).toBe('SooToets');
    });

    test('after an edit the answers are replayed as far as they still apply', async () => {
        const p = await opened();
        const tree = quickscan().tree;
        await p.page.click('.walk-button');
        await answer(p, 'ja'); // GoNoGo
        await answer(p, 'ja'); // GeschikteRuimte
        await answer(p, 'nee'); // Ouderen
        expect(await asking(p)).toBe('Buurtgericht');

        // An edit elsewhere: every answer still applies.
        const edited = retext(tree, 'Doel', 'Formuleer het doel opnieuw');
        await p.update(previewData(preview.json, [edited], 2));
        await p.idle(2);
        expect(await asking(p)).toBe('Buurtgericht');
        expect(await p.page.locator('.walk-path li[data-node="Ouderen"]').textContent()).toContain('— nee');

        // GeschikteRuimte's "ja" is renamed: the replay stops there, its answer and later ones are dropped.
        await p.update(previewData(preview.json, [renameAnswer(edited, 'GeschikteRuimte', 'ja', 'jazeker')], 3));
        await p.idle(3);
        expect(await asking(p)).toBe('GeschikteRuimte');
        expect(await p.page.locator('.walk-panel .walk-answer').allTextContents()).toEqual(['jazeker', 'nee']);
        expect(await p.page.locator('.walk-path li[data-node="GoNoGo"]').textContent()).toContain('— ja');
        expect(await p.page.locator('.walk-path li[data-node="Ouderen"]').count()).toBe(0);
        expect(await p.marked('hrk-walk-current', idsOf(previewData(preview.json, [edited]).trees[0]))).toEqual(['GeschikteRuimte']);

        // The tree is gone: the walk ends.
        await p.update(previewData(preview.json, preview.json.trees.filter(t => t.id === 'SooToets'), 4));
        await p.idle(4);
        expect(await p.page.locator('.walk-panel').isHidden()).toBe(true);
    });

    test('a walk message before the first data starts once the data is there, on its tree', async () => {
        const page = await preview.open();
        await page.settings();
        await page.send({ type: 'walk', tree: 'SooToets' });
        await page.update(preview.data);
        await page.idle(1);
        expect(await page.page.locator('.tree-picker').inputValue()).toBe('SooToets');
        expect(await asking(page)).toBe(preview.json.scenarios.find(s => s.tree === 'SooToets')!.answers[0].question);
    });

    test('the walk survives the webview being hidden (setState) and is replayed on the data', async () => {
        const first = await opened({ clock: true });
        await first.page.click('.walk-button');
        await answer(first, 'ja');
        const saved = await first.savedState();
        expect(saved).toMatchObject({ walk: { tree: 'QuickscanBoom', answers: [{ question: 'GoNoGo', answer: 'ja' }] } });
        expect(await first.expectClean()).toEqual({ csp: [], foreign: [], errors: [] });
        await first.page.close();

        const page = await preview.open({ state: saved });
        await page.settings();
        await page.update(preview.data);
        await page.idle(1);
        expect(await asking(page)).toBe('GeschikteRuimte');
    });
});
