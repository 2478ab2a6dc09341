import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { clearAll, createTestServices, exampleFiles, validateFiles } from './helpers.js';

/** The guide itself, written in our language, is the most realistic test input: it must be clean. */
describe('examples', () => {
    const services = createTestServices();
    afterAll(() => clearAll(services));
    const root = path.resolve(__dirname, '../examples');
    const files = exampleFiles(root);

    test('the examples folder holds the guide', () => {
        const names = files.map(f => path.relative(root, f));
        expect(names).toEqual(expect.arrayContaining([
            'kenmerken.hrk', 'typologieen.hrk', 'financiering.hrk', 'quickscan.hrk', 'soo.hrk', 'partijen.hrk', 'hoofdstukken.hrk',
            'revitalisatie/bewonersbeheer.hrk'
        ]));
        expect(names.filter(n => n.startsWith('revitalisatie/'))).toHaveLength(5);
    });

    test('every example file checks clean, as one workspace', async () => {
        const docs = await validateFiles(services, Object.fromEntries(files.map(f => [path.relative(root, f), fs.readFileSync(f, 'utf-8')])));
        const problems = [...docs.entries()].flatMap(([name, doc]) =>
            (doc.diagnostics ?? []).map(d => `${name}:${d.range.start.line + 1} ${d.code} ${d.message}`));
        expect(problems).toEqual([]);
    });
});
