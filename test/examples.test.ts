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
            'revitalisatie/1-bewonersbeheer.hrk'
        ]));
        expect(names.filter(n => n.startsWith('revitalisatie/'))).toHaveLength(5);
    });

    test('the revitalisation trees come in the order of causes of the guide', () => {
        const names = files.map(f => path.relative(root, f)).filter(n => n.startsWith('revitalisatie/'));
        expect(names).toEqual([
            'revitalisatie/1-bewonersbeheer.hrk', 'revitalisatie/2-ongeschikte-faciliteiten.hrk', 'revitalisatie/3-mismatch-vraag-aanbod.hrk',
            'revitalisatie/4-afhankelijkheid-derden.hrk', 'revitalisatie/5-regelgeving.hrk'
        ]);
    });

    test('every example file checks clean, as one workspace', async () => {
        const docs = await validateFiles(services, Object.fromEntries(files.map(f => [path.relative(root, f), fs.readFileSync(f, 'utf-8')])));
        const problems = [...docs.entries()].flatMap(([name, doc]) =>
            (doc.diagnostics ?? []).map(d => `${name}:${d.range.start.line + 1} ${d.code} ${d.message}`));
        expect(problems).toEqual([]);
    });

    test('the guide is clean when strict too: every content element says where it comes from', async () => {
        await clearAll(services);
        services.handreiking.HerkomstSetting.streng = true;
        try {
            const docs = await validateFiles(services, Object.fromEntries(files.map(f => [path.relative(root, f), fs.readFileSync(f, 'utf-8')])));
            expect([...docs.values()].flatMap(d => d.diagnostics ?? []).map(d => d.code)).toEqual([]);
        } finally {
            services.handreiking.HerkomstSetting.streng = false;
        }
    });

    test('every scenario name starts with its tree, as "Boom: …", the same in each file', () => {
        for (const file of files.filter(f => f.includes(`${path.sep}scenarios${path.sep}`))) {
            const names = [...fs.readFileSync(file, 'utf-8').matchAll(/^scenario "([^"]*)"/gm)].map(m => m[1]!);
            expect(names.length, file).toBeGreaterThan(0);
            const prefixes = new Set(names.map(n => /^([^:]+): \S/.exec(n)?.[1]));
            expect([...prefixes], file).toHaveLength(1);
            expect([...prefixes][0], file).toBeDefined();
        }
    });
});
