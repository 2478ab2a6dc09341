import { afterAll, beforeAll, expect, test } from 'vitest';
import type { HandreikingJson, ProvenanceJson, SourceJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { previewData } from './preview-data.js';
import { exampleJson } from '../../helpers.js';
import { pageSettled } from '../../support/page-settled.js';
import { startHarness, type PreviewHarness } from './preview-page.js';

/**
 * User text that would run script, load a resource or reconfigure Mermaid if it were ever parsed:
 * it must be shown literally, run nothing, fetch nothing, and break no CSP rule.
 */

const imgLabel = '<img src=x onerror="window.__pwned=1">';
const scriptLabel = '<script>window.__pwned=1</script>';
const initLabel = '%%{init: {"securityLevel":"loose"}}%%';
const svgLabel = '<svg/onload="window.__pwned=1">';
const linkLabel = '<a href="javascript:window.__pwned=1">klik</a>';

const src: SourceJson = { file: 'boos.hrk', line: 1, column: 1, endLine: 1, endColumn: 2 };
const unmarked: ProvenanceJson = { kind: 'unmarked' };

const hostileTree: TreeJson = {
    id: 'Boos', title: imgLabel, start: 'Q', source: src, provenance: unmarked,
    nodes: [
        { id: 'Q', kind: 'question', text: imgLabel, examples: [], links: [], reachable: true, source: src, provenance: unmarked },
        { id: 'A', kind: 'advice', text: scriptLabel, examples: [svgLabel, initLabel], links: [{ kind: 'chapter', target: 'H', title: linkLabel }], reachable: true, source: src, provenance: unmarked },
        { id: 'B', kind: 'advice', text: initLabel, examples: [], links: [], reachable: true, source: src, provenance: unmarked }
    ],
    edges: [
        { from: 'Q', to: 'A', kind: 'answer', label: initLabel },
        { from: 'Q', to: 'B', kind: 'answer', label: scriptLabel }
    ]
};

let harness: PreviewHarness;
let json: HandreikingJson;

beforeAll(async () => {
    [harness, json] = await Promise.all([startHarness(), exampleJson()]);
});
afterAll(async () => { await harness?.close(); });

test('hostile labels run nothing, fetch nothing, break no CSP rule and are shown literally', async () => {
    const hostileJson: HandreikingJson = { ...json, typologies: json.typologies.map((t, i) => i === 0 ? { ...t, title: scriptLabel } : t) };
    const data = previewData(hostileJson, [hostileTree]);
    const p = await harness.open();
    await p.settings();
    await p.update(data);
    await p.idle(1);

    // Labels are wrapped into lines (<br/>), which textContent joins without the space.
    const drawn = (await p.page.locator('.diagram-viewport svg g.root').textContent())!.replace(/\s/g, '');
    for (const label of [imgLabel, scriptLabel, initLabel, svgLabel, linkLabel]) expect(drawn).toContain(label.replace(/\s/g, ''));
    expect(await p.page.locator('.tree-picker option[value="Boos"]').textContent()).toBe(`${imgLabel} (Boos)`);

    // The walkthrough shows the same texts, as text.
    await p.page.click('.walk-button');
    expect(await p.page.locator('.walk-question .walk-text').textContent()).toBe(imgLabel);
    await p.page.click(`.walk-answer[data-answer="${initLabel.replace(/"/g, '\\"')}"]`);
    expect(await p.page.locator('.walk-advice .walk-text').textContent()).toBe(scriptLabel);
    expect(await p.page.locator('.walk-examples li').allTextContents()).toEqual([svgLabel, initLabel]);
    expect(await p.page.locator('.walk-links li').textContent()).toBe(`${linkLabel} (hoofdstuk)`);
    expect(await p.page.locator('.walk-path li').allTextContents()).toEqual([`${imgLabel} — ${initLabel}`]);

    // The typology table (generator-escaped HTML).
    await p.page.click('.tab-typologies');
    await p.idle(2);
    expect(await p.page.locator('.table-view thead th[data-typology]').first().textContent()).toBe(scriptLabel);

    // Exports render the labels again, with the plain-text escaping.
    await p.page.selectOption('.tree-picker', 'Boos');
    await p.idle(3);
    await p.page.click('.export-svg');
    await p.page.click('.export-png');
    const svg = await p.waitForPosted(m => m.type === 'export' && m.format === 'svg');
    await p.waitForPosted(m => m.type === 'export' && m.format === 'png');
    expect(svg.type === 'export' && svg.data).not.toMatch(/<(img|script|a)\b/);

    // Whatever the exports and drawings set off (a load, its error handler) has had its turn.
    await pageSettled(p.page);
    const page = await p.page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        imgs: document.querySelectorAll('img').length,
        scripts: document.querySelectorAll('script').length,
        // The typology table's own links from a marked cell to its provenance note are the only ones.
        anchors: [...document.querySelectorAll('a')].filter(a => !(a.classList.contains('hrk-mark') && /^#hrk-herkomst-noot-\d+$/.test(a.getAttribute('href') ?? ''))).length,
        handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => `${e.tagName}.${a.name}`))
    }));
    expect(page).toEqual({ pwned: undefined, imgs: 0, scripts: 1, anchors: 0, handlers: [] });
    expect(await p.expectClean()).toEqual({ csp: [], foreign: [], errors: [] });
    // The page's own three files, nothing else (data: URLs of the PNG export aside).
    expect(p.requests.filter(u => !u.startsWith('data:')).map(u => u.replace(/^.*\//, '')).sort()).toEqual(['page-1.html', 'preview.css', 'preview.js']);
    await p.page.close();
});
