import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serializeJson } from '../../../language/export/json-export.js';
import { exportWorkspaceJson } from '../../../language/generation/json/export-json.js';
import type { HandreikingJson } from '../../../language/generation/json/handreiking-json.js';
import { isBeslisboom, isFinanciering, isTypologie, type Gids } from '../../../language/generated/ast.js';
import { resolveApplicability } from '../../../language/model/funding.js';
import { edgesOf } from '../../../language/model/tree-graph.js';
import { clearAll, createTestServices, exampleFiles, validateFiles } from '../../helpers.js';

const root = path.resolve(__dirname, '../../../examples');
const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../docs/schema/handreiking.schema.json'), 'utf-8'));
const validateSchema = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

async function loadExamples() {
    const services = createTestServices();
    const files = Object.fromEntries(exampleFiles(root).map(f => [path.relative(root, f), fs.readFileSync(f, 'utf-8')]));
    const docs = await validateFiles(services, files);
    return { services, docs };
}

describe('JSON export of the examples', () => {
    let services: ReturnType<typeof createTestServices>;
    let docs: Awaited<ReturnType<typeof loadExamples>>['docs'];
    let json: HandreikingJson;
    beforeAll(async () => {
        ({ services, docs } = await loadExamples());
        json = exportWorkspaceJson(services, '/ws');
    });
    afterAll(() => clearAll(services));

    test('is valid against the published JSON Schema', () => {
        const valid = validateSchema(json);
        expect(validateSchema.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
    });

    test('the schema rejects what it should (it is not an accept-all)', () => {
        const broken = structuredClone(json) as unknown as { trees: Array<{ nodes: Array<{ kind: string }> }>; extra?: unknown };
        broken.trees[0].nodes[0].kind = 'vraag';
        expect(validateSchema(broken)).toBe(false);
        const extra = { ...structuredClone(json), extra: 1 };
        expect(validateSchema(extra)).toBe(false);
    });

    test('is deterministic: exporting twice gives the same bytes', async () => {
        const first = serializeJson(json);
        const again = serializeJson(exportWorkspaceJson(services, '/ws'));
        expect(again).toBe(first);
        // And a fresh load of the same files in another order gives the same bytes too.
        const other = createTestServices();
        const reversed = Object.fromEntries(exampleFiles(root).reverse().map(f => [path.relative(root, f), fs.readFileSync(f, 'utf-8')]));
        await validateFiles(other, reversed);
        expect(serializeJson(exportWorkspaceJson(other, '/ws'))).toBe(first);
        await clearAll(other);
    });

    test('round trip of meaning: trees, edges and funding coverage read back equal the model', () => {
        const gidsen = [...docs.values()].map(d => d.parseResult.value as Gids);
        const elements = gidsen.flatMap(g => g.elementen);
        const bomen = elements.filter(isBeslisboom);
        const typologieen = elements.filter(isTypologie);
        expect(json.trees.map(t => t.id).sort()).toEqual(bomen.map(b => b.name).sort());
        for (const boom of bomen) {
            const tree = json.trees.find(t => t.id === boom.name)!;
            expect(tree.nodes.map(n => n.id)).toEqual(boom.knopen.map(k => k.name));
            const modelEdges = boom.knopen.flatMap(k => edgesOf(k).map(e => `${e.from.name}-${e.label ?? ''}->${e.to.name}`));
            expect(tree.edges.map(e => `${e.from}-${e.label ?? ''}->${e.to}`)).toEqual(modelEdges);
        }
        for (const f of elements.filter(isFinanciering)) {
            const funding = json.funding.find(x => x.id === f.name)!;
            expect(funding.applicability.typologies).toEqual(resolveApplicability(f, typologieen).map(t => t.name));
        }
        // Coverage per typology agrees with the rules' resolved applicability.
        for (const typology of json.typologies) {
            const structural = json.funding.filter(f => f.term === 'structural' && f.applicability.typologies.includes(typology.id)).map(f => f.id);
            expect(typology.funding.structural).toEqual(structural);
            expect(typology.funding.structural.length).toBeGreaterThan(0);
        }
    });

    test('carries documentation, descriptions, links and source locations', () => {
        const tree = json.trees.find(t => t.id === 'Bewonersbeheer')!;
        expect(tree.documentation).toMatch(/^Stroomschema bij de oorzaak "bewonersbeheer"/);
        expect(tree.source.file).toBe('revitalisatie/1-bewonersbeheer.hrk');
        expect(tree.start).toBe('Stabiel');
        const anderBeheer = tree.nodes.find(n => n.id === 'AnderBeheer')!;
        expect(anderBeheer.links).toEqual([{ kind: 'chapter', target: 'SociaalBeheer', title: expect.any(String) }]);
        const soo = json.funding.find(f => f.id === 'SOO')!;
        expect(soo).toMatchObject({ term: 'incidental', validUntil: '2027-01-01', applicability: { kind: 'list' } });
        expect(soo.sources).toEqual(['https://wetten.overheid.nl/BWBR0045929']);
        // The funding rule and the SOO test's positive advice refer to the calculation of the contribution.
        expect(soo.calculation).toBe('SooBijdrage');
        expect(json.trees.find(t => t.id === 'SooToets')!.nodes.find(n => n.id === 'Aanmerking')!.calculation).toBe('SooBijdrage');
        expect(json.calculations.find(c => c.id === 'SooBijdrage')).toMatchObject({
            funding: ['SOO'], provenance: { kind: 'source' }, outcome: { unit: 'euro' },
            inputs: [{ id: 'oppervlakte', unit: 'm2', optional: false }, { id: 'woningen', optional: false }, { id: 'bouwkosten', unit: 'euro', optional: true }]
        });
        const text = fs.readFileSync(path.join(root, tree.source.file), 'utf-8').split('\n');
        expect(text[tree.source.line - 1].slice(tree.source.column - 1)).toMatch(/^beslisboom Bewonersbeheer/);
    });
});

describe('provenance in the JSON export', () => {
    const services = createTestServices();
    afterAll(() => clearAll(services));

    test('every content element of the examples and each of its lines says where it comes from: none is unmarked', async () => {
        const { services: s } = await loadExamples();
        const json = exportWorkspaceJson(s, '/ws');
        await clearAll(s);
        const all = [
            ...json.trees.flatMap(t => [t, ...t.nodes]), ...json.typologies, ...json.funding, ...json.stakeholders, ...json.chapters
        ];
        const provenances = [
            ...all.map(e => e.provenance),
            ...all.flatMap(e => e.descriptionProvenance ? [e.descriptionProvenance] : []),
            ...json.typologies.flatMap(t => [...Object.values(t.valueProvenance), ...t.activitiesProvenance]),
            ...json.funding.flatMap(f => [f.applicability.provenance, ...f.conditionsProvenance]),
            ...json.calculations.flatMap(c => [c.provenance, ...c.notApplicable.map(n => n.provenance), ...c.values.map(v => v.provenance), ...(c.outcome ? [c.outcome.provenance] : [])])
        ];
        expect(provenances.length).toBeGreaterThan(250);
        expect(provenances.filter(p => p.kind === 'unmarked')).toEqual([]);
        // A reconstruction always says why.
        expect(provenances.filter(p => p.kind === 'reconstructed' && !p.detail?.trim())).toEqual([]);
        const bewonersbeheer = json.trees.find(t => t.id === 'Bewonersbeheer')!;
        expect(bewonersbeheer.provenance).toMatchObject({ kind: 'reconstructed', detail: expect.stringContaining('pijlen') });
        expect(bewonersbeheer.nodes.map(n => n.provenance.kind)).toEqual(bewonersbeheer.nodes.map(() => 'guide'));
        const woonvorm = json.typologies.find(t => t.id === 'Woonvorm')!;
        expect(woonvorm.unknownValues).toEqual(['Schaal']);
        expect(woonvorm.values.Schaal).toBeUndefined();
        expect(woonvorm.valueProvenance.Schaal).toMatchObject({ kind: 'guide', detail: expect.stringContaining('niet bekend') });
    });

    test('own, inherited and unmarked provenance, on elements and lines, and valid against the schema', async () => {
        await validateFiles(services, {
            'a.hrk': `herkomst handreiking "dia Financiën"
kenmerk Schaal "Schaal" { "klein", "groot" }
typologie A "A" {
    herkomst gereconstrueerd "niet op de dia"
    Schaal = onbekend herkomst handreiking "dia: niet bekend"
    activiteiten "koffie", "kaarten" herkomst illustratief
    toelichting "t"
}
financiering F "F" {
    termijn structureel
    voor alle typologieen herkomst gereconstrueerd "de dia zegt het niet"
    voorwaarde "v" herkomst bron "https://wetten.overheid.nl/BWBR0045929"
}
beslisboom B "B" { herkomst illustratief vraag V "v?" { ja -> X nee -> Y } advies X "x" { daarna -> Y } advies Y "y" }
scenario "B: ja" { beslisboom B V: ja langs X verwacht Y }`,
            'b.hrk': `hoofdstuk H "H"`
        });
        const json = exportWorkspaceJson(services, '/ws');
        expect(validateSchema(json), JSON.stringify(validateSchema.errors)).toBe(true);
        const a = json.typologies[0]!;
        expect(a.provenance).toEqual({ kind: 'reconstructed', detail: 'niet op de dia' });
        expect(a.values).toEqual({});
        expect(a.unknownValues).toEqual(['Schaal']);
        expect(a.valueProvenance).toEqual({ Schaal: { kind: 'guide', detail: 'dia: niet bekend' } });
        expect(a.activitiesProvenance).toEqual([{ kind: 'illustrative' }, { kind: 'illustrative' }]);
        expect(a.descriptionProvenance).toEqual({ kind: 'reconstructed', detail: 'niet op de dia', inherited: true });
        const f = json.funding[0]!;
        expect(f.provenance).toEqual({ kind: 'guide', detail: 'dia Financiën', inherited: true });
        expect(f.applicability.provenance).toEqual({ kind: 'reconstructed', detail: 'de dia zegt het niet' });
        expect(f.conditionsProvenance).toEqual([{ kind: 'source', detail: 'https://wetten.overheid.nl/BWBR0045929' }]);
        expect(f.descriptionProvenance).toBeUndefined();
        expect(json.trees[0]!.nodes.map(n => n.provenance)).toEqual([
            { kind: 'illustrative', inherited: true }, { kind: 'illustrative', inherited: true }, { kind: 'illustrative', inherited: true }
        ]);
        expect(json.chapters[0]!.provenance).toEqual({ kind: 'unmarked' });
        expect(json.scenarios[0]!.passes).toEqual(['X']);
    });

    test('the schema rejects a provenance kind it does not know, and a missing provenance', async () => {
        const { services: s } = await loadExamples();
        const json = exportWorkspaceJson(s, '/ws');
        await clearAll(s);
        const wrongKind = structuredClone(json) as unknown as { trees: Array<{ provenance: { kind: string } }> };
        wrongKind.trees[0]!.provenance.kind = 'gereconstrueerd';
        expect(validateSchema(wrongKind)).toBe(false);
        const missing = structuredClone(json) as unknown as { chapters: Array<{ provenance?: unknown }> };
        delete missing.chapters[0]!.provenance;
        expect(validateSchema(missing)).toBe(false);
    });
});

describe('JSON export details', () => {
    const services = createTestServices();
    afterAll(() => clearAll(services));

    test('a condition is exported as text and as a tree, and resolved against the typologies', async () => {
        await validateFiles(services, {
            'a.hrk': `kenmerk Schaal "Schaal" { "klein", "groot" }
kenmerk Richting "Richting" { "intern", "extern" }
typologie A "A" { Schaal = "klein" Richting = "extern" }
typologie B "B" { Schaal = "groot" Richting = "extern" }
financiering F "F" { termijn structureel voor typologie waar Schaal >= "groot"  en Richting = "extern" of Schaal = "klein" }`
        });
        const json = exportWorkspaceJson(services, '/ws');
        expect(json.funding[0].applicability).toEqual({
            kind: 'condition',
            text: 'Schaal >= "groot" en Richting = "extern" of Schaal = "klein"',
            condition: {
                op: 'or',
                left: { op: 'and', left: { op: 'compare', characteristic: 'Schaal', operator: '>=', value: 'groot' }, right: { op: 'compare', characteristic: 'Richting', operator: '=', value: 'extern' } },
                right: { op: 'compare', characteristic: 'Schaal', operator: '=', value: 'klein' }
            },
            typologies: ['A', 'B'],
            provenance: { kind: 'unmarked' }
        });
        expect(json.typologies.map(t => t.funding.structural)).toEqual([['F'], ['F']]);
        expect(validateSchema(json)).toBe(true);
    });
});
