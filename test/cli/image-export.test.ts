import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { diagramLegend } from '../../language/i18n/provenance-words.js';
import { launchBrowser, newPage } from '../support/browser.js';
import { pageSettled } from '../support/page-settled.js';
import { tempDir } from '../support/temp-dir.js';
import { handreiking } from '../support/cli.js';

const temp = () => tempDir('hrk-img-');

/** Width, height and the RGBA of the top-left pixel of a PNG (8-bit RGB or RGBA, as Chromium writes them). */
function pngInfo(file: string): { width: number; height: number; colorType: number; topLeft: number[] } {
    const data = fs.readFileSync(file);
    expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    let offset = 8;
    let width = 0, height = 0, colorType = 0;
    const idat: Buffer[] = [];
    while (offset < data.length) {
        const length = data.readUInt32BE(offset);
        const type = data.subarray(offset + 4, offset + 8).toString('ascii');
        const body = data.subarray(offset + 8, offset + 8 + length);
        if (type === 'IHDR') { width = body.readUInt32BE(0); height = body.readUInt32BE(4); colorType = body[9]; }
        if (type === 'IDAT') idat.push(body);
        offset += 12 + length;
    }
    const raw = zlib.inflateSync(Buffer.concat(idat));
    // Whatever the row's filter, the first pixel of the first row is stored as is.
    const pixel = colorType === 6 ? [...raw.subarray(1, 5)] : [...raw.subarray(1, 4), 255];
    return { width, height, colorType, topLeft: pixel };
}

const hostile = [
    '<script>window.__pwned=1</script>',
    '<img src=x onerror=\\"window.__pwned=1\\">',
    '%%{init: {\\"securityLevel\\":\\"loose\\"}}%%',
    'javascript:window.__pwned=1',
    '`leading backtick',
    '</svg><script>window.__pwned=1</script>'
];
const hostileTree = `beslisboom Vijandig "Vijandig" {
    vraag V "${hostile[0]}" {
        antwoord "${hostile[1]}" -> A
        antwoord "${hostile[3]}" -> B
    }
    advies A "${hostile[2]}"
    advies B "${hostile[4]} ${hostile[5]}"
}
`;

// Each of the first two tests runs two exports that each start Chromium and draw every tree; on a
// busy 2-core machine one took up to ~95 s. The bound catches a hang, not slowness (npm run bench measures that).
const TWO_EXPORTS_MS = 420_000;

describe('export svg and png (system Chromium)', () => {
    test('SVG: one file per tree, no scripts, the node texts inside; plain-text labels without foreignObject', () => {
        const out = temp();
        const r = handreiking(['export', 'svg', 'examples', '-o', out]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const json = JSON.parse(handreiking(['export', 'json', 'examples', '-o', path.join(out, 'x.json')]).code === 0 ? fs.readFileSync(path.join(out, 'x.json'), 'utf-8') : '{}');
        for (const tree of json.trees) {
            const svg = fs.readFileSync(path.join(out, `${tree.id}.svg`), 'utf-8');
            expect(svg.startsWith('<?xml')).toBe(true);
            expect(svg).toContain('<svg');
            expect(svg).not.toMatch(/<script/i);
            expect(svg).toContain('foreignObject');
        }
        const plain = temp();
        expect(handreiking(['export', 'svg', 'examples', '-o', plain, '--platte-tekst']).code).toBe(0);
        const svg = fs.readFileSync(path.join(plain, 'Bewonersbeheer.svg'), 'utf-8');
        expect(svg).not.toContain('foreignObject');
        expect(svg).toContain('<text');
        expect(svg).toContain('stabiel?');
    }, TWO_EXPORTS_MS);

    test('PNG at 2× with a white background by default and a transparent one on request', () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'b.hrk'), `beslisboom B "B" { vraag V "Vraag?" { ja -> A nee -> C } advies A "a" advies C "c" }`);
        expect(handreiking(['export', 'svg', '.', '-o', 'svg'], dir).code).toBe(0);
        expect(handreiking(['export', 'png', '.', '-o', 'wit'], dir).code).toBe(0);
        expect(handreiking(['export', 'png', '.', '-o', 'doorzichtig', '--transparant'], dir).code).toBe(0);
        const svgWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(fs.readFileSync(path.join(dir, 'svg/B.svg'), 'utf-8'))![1]);
        const white = pngInfo(path.join(dir, 'wit/B.png'));
        // 2× the diagram plus the 8 px padding on each side.
        expect(white.width).toBeGreaterThanOrEqual(Math.floor(svgWidth * 2));
        expect(white.width).toBeLessThanOrEqual(Math.ceil(svgWidth * 2) + 40);
        expect(white.topLeft).toEqual([255, 255, 255, 255]);
        expect(pngInfo(path.join(dir, 'doorzichtig/B.png')).topLeft[3]).toBe(0);
    }, TWO_EXPORTS_MS);

    test('SVG and PNG carry the provenance legend and the dashed and dotted borders; a tree without such nodes has none', async () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'b.hrk'), `beslisboom Herkomsten "Herkomsten" {
    herkomst gereconstrueerd "de pijlen zijn onze lezing"
    vraag V "Vraag?" { herkomst handreiking "dia 1" ja -> A nee -> B }
    advies A "Gereconstrueerd advies" { herkomst gereconstrueerd "niet op de dia" }
    advies B "Illustratief advies" { herkomst illustratief }
}
beslisboom Gewoon "Gewoon" { herkomst handreiking "dia 2" advies C "c" }
`);
        expect(handreiking(['export', 'svg', '.', '-o', 'svg'], dir).code).toBe(0);
        expect(handreiking(['export', 'png', '.', '-o', 'png'], dir).code).toBe(0);
        const file = path.join(dir, 'svg/Herkomsten.svg');
        const svg = fs.readFileSync(file, 'utf-8');
        expect(fs.readFileSync(path.join(dir, 'svg/Gewoon.svg'), 'utf-8')).not.toContain('Herkomst');
        expect(svg).toContain('Herkomst: de verbindingen van deze boom zijn gereconstrueerd; 1 knoop gereconstrueerd; 1 knoop illustratief; zie de legenda.');

        const browser = await launchBrowser();
        try {
            const page = await newPage(browser);
            await page.goto('file://' + file);
            await pageSettled(page);
            // What a reader sees: each legend box inside the image, with its words, and the borders it explains.
            const seen = await page.evaluate(() => {
                type Box = { left: number; top: number; right: number; bottom: number; width: number };
                type El = { id: string; textContent: string | null; getBoundingClientRect(): Box; querySelector(s: string): El | null };
                const doc = (globalThis as unknown as { document: { querySelector(s: string): El; querySelectorAll(s: string): ArrayLike<El> } }).document;
                const style = (globalThis as unknown as { getComputedStyle(e: El): { strokeDasharray: string } }).getComputedStyle;
                const image = doc.querySelector('svg').getBoundingClientRect();
                const node = (id: string) => Array.from(doc.querySelectorAll('g.node')).find(g => new RegExp(`-flowchart-${id}-\\d+$`).test(g.id));
                const legend = ['h1', 'h2', 'h3', 'h4'].map(id => {
                    const box = node(id)!.getBoundingClientRect();
                    const inside = box.width > 0 && box.left >= image.left && box.right <= image.right && box.top >= image.top && box.bottom <= image.bottom;
                    return { text: (node(id)!.textContent ?? '').replace(/\s+/g, ''), inside };
                });
                const border = (id: string) => style(node(id)!.querySelector('rect, path, polygon')!).strokeDasharray;
                return { legend, borders: { n1: border('n1'), n2: border('n2'), h1: border('h1'), h2: border('h2') } };
            });
            // Compared without whitespace: a wrapped line's break is no space in the text.
            const bare = (text: string) => ({ text: text.replace(/\s+/g, ''), inside: true });
            expect(seen.legend).toEqual([
                bare(diagramLegend.nl.reconstructed),
                bare(diagramLegend.nl.illustrative),
                bare(`${diagramLegend.nl.tree}: Gereconstrueerd: de pijlen zijn onze lezing`),
                bare(diagramLegend.nl.exportHint)
            ]);
            expect(seen.borders).toEqual({ n1: '9px, 4px', n2: '2px, 3px', h1: '9px, 4px', h2: '2px, 3px' });
        } finally {
            await browser.close();
        }
        // The PNG is photographed from the same drawing, legend and all: as wide as the SVG, twice over.
        const svgWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? /viewBox="[\d.-]+ [\d.-]+ ([\d.]+)/.exec(svg)![1]);
        const png = pngInfo(path.join(dir, 'png/Herkomsten.png'));
        expect(png.width).toBeGreaterThanOrEqual(Math.floor(svgWidth * 2));
        expect(png.width).toBeLessThanOrEqual(Math.ceil(svgWidth * 2) + 40);
    }, TWO_EXPORTS_MS);

    test('a missing browser gives a message that says how to install it, exit 2', () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'b.hrk'), `beslisboom B "B" { advies A "a" }`);
        const r = handreiking(['export', 'png', '.', '-o', 'uit'], dir, { ...process.env, HANDREIKING_CHROMIUM: '/nergens/chromium' });
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('Voor SVG en PNG is Chromium nodig, maar die is niet gevonden. Installeer hem (Debian/Ubuntu: sudo apt-get install chromium)');
        expect(fs.existsSync(path.join(dir, 'uit/B.png'))).toBe(false);
    });

    test('hostile labels in an exported SVG execute nothing and are shown literally', async () => {
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'v.hrk'), hostileTree);
        const check = handreiking(['check', '.'], dir);
        expect(check.stdout).toContain('0 fouten');
        expect(handreiking(['export', 'svg', '.', '-o', 'uit'], dir).code).toBe(0);
        const browser = await launchBrowser();
        try {
            const page = await newPage(browser);
            const requests: string[] = [];
            page.on('request', req => requests.push(req.url()));
            await page.goto('file://' + path.join(dir, 'uit/Vijandig.svg'));
            await pageSettled(page);
            expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
            expect(requests.filter(u => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
            const text = (await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { textContent: string } } }).document.documentElement.textContent)).replace(/\s+/g, '');
            for (const label of ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">', 'javascript:window.__pwned=1']) {
                // Long labels are wrapped onto lines, so compare without the whitespace.
                expect(text).toContain(label.replace(/\s+/g, ''));
            }
        } finally {
            await browser.close();
        }
    });
});
