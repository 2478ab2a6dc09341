import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diagramLimits } from '../../language/generation/mermaid/diagram-limits.js';
import { findChromium } from '../../language/render/find-browser.js';
import { handreikingAsync } from '../support/cli.js';

/**
 * The largest tree the SVG/PNG export draws (language/generation/mermaid/diagram-limits.ts), as the
 * user meets it: the CLI as a spawned process. Beyond the limits the export refuses before it starts
 * Chromium or writes anything (exit 1, a Dutch message with a way out); a drawing that does not show
 * the tree is never written; a batch that fails halfway names the files it already wrote.
 */

let tmp: string;

beforeAll(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-limits-')); });
afterAll(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

function workspace(name: string, files: Record<string, string>): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
    return dir;
}

/** A tree of `steps` steps in a chain ending in an advice: valid, and as deep as it is long. */
function chain(id: string, steps: number, label: (i: number) => string = i => `Stap ${i}`): string {
    const lines = [`beslisboom ${id} "${id}" {`, '    start S0'];
    for (let i = 0; i < steps; i++) lines.push(`    stap S${i} "${label(i)}" -> ${i + 1 < steps ? `S${i + 1}` : 'Eind'}`);
    lines.push('    advies Eind "Klaar"', '}', '');
    return lines.join('\n');
}

/** A browser that is never started: a refusal "up front" must not need one. */
const noBrowser = { ...process.env, HANDREIKING_CHROMIUM: path.join(os.tmpdir(), 'hrk-no-such-chromium') };

const files = (dir: string) => fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];

describe('a tree too large to draw is refused up front', () => {
    test('2 000 chained steps pass check; export svg refuses before Chromium starts (exit 1, Dutch, a way out), writes nothing', async () => {
        const dir = workspace('keten2000', { 'l.hrk': chain('Lang', 2_000) });
        const check = await handreikingAsync(['check', '.'], dir);
        expect(check.stdout).toContain('0 fouten');
        expect(check.code).toBe(0);
        const r = await handreikingAsync(['export', 'svg', '.', '-o', 'uit'], dir, noBrowser);
        expect(r.stderr).toBe(
            'Beslisboom ‘Lang’ is te groot om te tekenen: 2.002 knopen; de grens is 1.000 knopen.\n' +
            'Er is niets geschreven. Een grote boom bekijkt u in het voorbeeld in VS Code (dat tekent de omgeving van de cursor), ' +
            'of exporteer hem als Mermaid-tekst: handreiking export mermaid. De grenzen staan in docs/cli.md.\n');
        expect(r.code).toBe(1);
        expect(files(path.join(dir, 'uit'))).toEqual([]);
        // The way out works: the Mermaid text of the same tree is written.
        expect((await handreikingAsync(['export', 'mermaid', '.', '-o', 'uit'], dir)).code).toBe(0);
        expect(files(path.join(dir, 'uit'))).toEqual(['Lang.mmd', 'financiering-overzicht.mmd']);
    }, 60_000);

    test('5 003 steps, PNG, in English: every tree over the limit is named, nothing is written', async () => {
        const dir = workspace('keten5003', { 'a.hrk': chain('Lang', 5_003), 'b.hrk': chain('Klein', 3) });
        const r = await handreikingAsync(['export', 'png', '.', '-o', 'uit', '--lang', 'en'], dir, noBrowser);
        expect(r.stderr).toBe(
            'Decision tree ‘Lang’ is too large to draw: 5,005 nodes; the limit is 1,000 nodes.\n' +
            'Nothing was written. View a large tree in the VS Code preview (it draws the surroundings of the cursor), ' +
            'or export it as Mermaid text: handreiking export mermaid. The limits are in docs/cli.md.\n');
        expect(r.code).toBe(1);
        expect(files(path.join(dir, 'uit'))).toEqual([]);
    }, 60_000);

    test('220 steps with labels of 200 × ‘R&D; ’: Mermaid text over the limit, refused instead of a wrong SVG', async () => {
        const dir = workspace('tekst', { 't.hrk': chain('Tekst', 220, () => 'R&D; '.repeat(200)) });
        expect((await handreikingAsync(['check', '.'], dir)).code).toBe(0);
        const r = await handreikingAsync(['export', 'svg', '.', '-o', 'uit'], dir, noBrowser);
        expect(r.stderr).toMatch(/^Beslisboom ‘Tekst’ is te groot om te tekenen: [\d.]+ tekens Mermaid-tekst; de grens is 500\.000 tekens\.\n/);
        expect(r.code).toBe(1);
        expect(files(path.join(dir, 'uit'))).toEqual([]);
    }, 60_000);
});

describe('at the limit', () => {
    test(`a chain of ${diagramLimits.nodes} nodes is drawn as SVG; as PNG it is refused for its image size before anything is written`, async () => {
        // Steps + the advice + the start marker: exactly the limit.
        const dir = workspace('grens', { 'g.hrk': chain('Grens', diagramLimits.nodes - 2), 'k.hrk': chain('Klein', 2) });
        const svg = await handreikingAsync(['export', 'svg', '.', '-o', 'svg'], dir);
        expect(svg.stderr).toBe('');
        expect(svg.code).toBe(0);
        const drawn = fs.readFileSync(path.join(dir, 'svg', 'Grens.svg'), 'utf-8');
        expect(drawn.match(/<g [^>]*class="node /g)?.length).toBe(diagramLimits.nodes);
        expect(drawn).not.toContain('Maximum text size');

        const png = await handreikingAsync(['export', 'png', '.', '-o', 'png'], dir);
        expect(png.stderr).toMatch(/^Beslisboom ‘Grens’ is te groot voor PNG: het beeld zou [\d.]+ × [\d.]+ pixels worden; de grens is 32\.000 pixels per zijde\.\n/);
        expect(png.stderr).toContain('Er is niets geschreven. Exporteer als SVG (handreiking export svg) of als Mermaid-tekst (handreiking export mermaid).');
        expect(png.code).toBe(1);
        expect(files(path.join(dir, 'png'))).toEqual([]);
    }, 240_000);
});

describe('a batch that fails halfway', () => {
    test('the browser dies after the first PNG: exit 2, no stack trace, and the message names exactly the files already written', async () => {
        const real = findChromium();
        if (!real) throw new Error('Chromium not found');
        const dir = workspace('halverwege', Object.fromEntries(['A', 'B', 'C', 'D', 'E'].map(id => [`${id}.hrk`, chain(id, 25)])));
        // A stand-in browser that tells its process id and then is the real one (exec keeps the id).
        const pidFile = path.join(dir, 'browser.pid');
        const wrapper = path.join(dir, 'chromium.sh');
        fs.writeFileSync(wrapper, `#!/bin/sh\necho $$ > '${pidFile}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
        const out = path.join(dir, 'uit');
        let killed = false;
        const r = await handreikingAsync(['export', 'png', '.', '-o', out], dir, { ...process.env, HANDREIKING_CHROMIUM: wrapper }, () => {
            if (killed || !files(out).some(f => f.endsWith('.png'))) return;
            killed = true;
            process.kill(Number(fs.readFileSync(pidFile, 'utf-8')), 'SIGKILL');
        });
        expect(killed).toBe(true);
        const written = files(out);
        expect(written.length).toBeGreaterThan(0);
        expect(written.length).toBeLessThan(5);
        expect(r.stderr).not.toMatch(/Interne fout|\n\s+at /);
        expect(r.stderr).toMatch(/^Beslisboom ‘[A-E]’ kon niet getekend worden: .+\. Deze export had al \d bestand(en)? geschreven of vervangen \(([^)]*)\); de rest is niet geschreven en de andere bestaande bestanden zijn niet aangeraakt\.\n$/);
        const named = /\(([^)]*)\); de rest/.exec(r.stderr)![1].split(', ').sort();
        expect(named).toEqual(written);
        expect(r.code).toBe(2);
    }, 120_000);
});
