import { afterEach, describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { isAdvies, isBeslisboom, isPartij, isScenario, type Advies, type Beslisboom, type Gids } from '../../language/generated/ast.js';
import { clearAll, createTestServices, validateFiles, withCode, withoutProvenanceHints } from '../helpers.js';

const services = createTestServices();
afterEach(() => clearAll(services));

const typologieen = `
typologie Buurthuis "Het buurthuis" { }
hoofdstuk SociaalBeheer "Inrichten sociaal beheer" { werkgroep "WG1" }
`;
const bomen = `
beslisboom Eerste "Eerste" {
    vraag Stabiel "Stabiel?" { ja -> Klaar nee -> Verder }
    advies Klaar "Klaar" { zie SociaalBeheer zie Tweede.Stabiel zie Buurthuis zie Tweede }
    advies Verder "Verder" { zie Stabiel }
}
beslisboom Tweede "Tweede" {
    vraag Stabiel "Ook stabiel?" { ja -> Klaar nee -> Weg }
    advies Klaar "Ook klaar"
    advies Weg "Weg"
}
`;

function find<T>(gids: Gids, guard: (x: unknown) => x is T, pred: (x: T) => boolean = () => true): T {
    const found = gids.elementen.find(e => guard(e) && pred(e as T));
    if (!found) throw new Error('not found');
    return found as T;
}

describe('linking', () => {
    test('top-level names resolve across files, and zie reaches every kind', async () => {
        const docs = await validateFiles(services, { 'a.hrk': typologieen, 'b.hrk': bomen, 'c.hrk': `partij Gemeente "Gemeente" { betrokken bij Buurthuis }` });
        for (const doc of docs.values()) expect(doc.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        const b = docs.get('b.hrk')!.parseResult.value;
        const eerste = find<Beslisboom>(b, isBeslisboom, t => t.name === 'Eerste');
        const klaar = eerste.knopen.find((k): k is Advies => isAdvies(k) && k.name === 'Klaar')!;
        const targets = klaar.zie.map(z => `${z.ref?.$type}:${z.ref?.name}`);
        expect(targets).toEqual(['Hoofdstuk:SociaalBeheer', 'Vraag:Stabiel', 'Typologie:Buurthuis', 'Beslisboom:Tweede']);
        // The qualified reference reaches the node of the *other* tree.
        expect(klaar.zie[1].ref?.$container).toBe(find<Beslisboom>(b, isBeslisboom, t => t.name === 'Tweede'));
        const partij = find(docs.get('c.hrk')!.parseResult.value, isPartij);
        expect(partij.betrokkenBij[0].ref?.name).toBe('Buurthuis');
    });

    test('node names are local to their tree: the same name in two trees resolves to each own node', async () => {
        const docs = await validateFiles(services, { 'a.hrk': typologieen, 'b.hrk': bomen });
        const b = docs.get('b.hrk')!.parseResult.value;
        for (const boom of b.elementen.filter(isBeslisboom)) {
            const vraag = boom.knopen[0];
            if (vraag.$type !== 'Vraag') throw new Error('expected a question');
            expect(vraag.antwoorden[0].doel.ref?.$container).toBe(boom);
        }
        const verder = find<Beslisboom>(b, isBeslisboom, t => t.name === 'Eerste').knopen[2] as Advies;
        expect(verder.zie[0].ref?.$container?.$type).toBe('Beslisboom');
        expect((verder.zie[0].ref?.$container as Beslisboom).name).toBe('Eerste');
    });

    test('an arrow cannot reach a node of another tree, even by a name that exists there', async () => {
        const docs = await validateFiles(services, { 'a.hrk': typologieen, 'b.hrk': bomen.replace('nee -> Weg', 'nee -> Verder') });
        const errors = withCode(docs.get('b.hrk')!.diagnostics, 'HRK002');
        expect(errors).toHaveLength(1);
        expect(errors[0].message).toContain('‘Verder’ is geen knoop van beslisboom ‘Tweede’');
    });

    test('a scenario resolves its questions and advice in the tree it names', async () => {
        const docs = await validateFiles(services, {
            'b.hrk': bomen,
            's.hrk': `scenario "twee" { beslisboom Tweede Stabiel: nee verwacht Weg }`
        });
        expect(docs.get('s.hrk')!.diagnostics).toEqual([]);
        const scenario = find(docs.get('s.hrk')!.parseResult.value, isScenario);
        const tweede = find<Beslisboom>(docs.get('b.hrk')!.parseResult.value, isBeslisboom, t => t.name === 'Tweede');
        expect(scenario.stappen[0].vraag.ref?.$container).toBe(tweede);
        expect(scenario.verwacht?.ref?.$container).toBe(tweede);
    });

    test('a node of the scenario tree is found, but not one of another tree', async () => {
        const docs = await validateFiles(services, {
            'b.hrk': bomen,
            's.hrk': `scenario "twee" { beslisboom Tweede Stabiel: nee verwacht Verder }`
        });
        const errors = withCode(docs.get('s.hrk')!.diagnostics, 'HRK040');
        expect(errors.map(e => e.message)).toEqual([expect.stringContaining('‘Verder’ is geen knoop van beslisboom ‘Tweede’')]);
    });
});

describe('the reference index after an edit', () => {
    test('renaming a target in one file re-links the other file and updates its references', async () => {
        const docs = await validateFiles(services, { 'a.hrk': typologieen, 'c.hrk': `partij Gemeente "Gemeente" { betrokken bij Buurthuis }` });
        const shared = services.shared;
        const aUri = docs.get('a.hrk')!.uri;
        const cUri = docs.get('c.hrk')!.uri;
        const refsTo = () => shared.workspace.IndexManager.findAllReferences(
            find(shared.workspace.LangiumDocuments.getDocument(aUri)!.parseResult.value as Gids, isBeslisboomOrTypologie),
            '/elementen@0'
        ).toArray();
        expect(refsTo().map(r => r.sourceUri.toString())).toEqual([cUri.toString()]);

        // Rename the typology: the partij's reference breaks (HRK002) ...
        await update(aUri, typologieen.replace('Buurthuis', 'Wijkhuis'));
        const c = shared.workspace.LangiumDocuments.getDocument(cUri)!;
        expect(withCode(c.diagnostics, 'HRK002').map(d => d.message)).toEqual([expect.stringContaining('‘Buurthuis’ is geen bekende typologie')]);
        expect(refsTo()).toEqual([]);

        // ... and renaming it back heals it, with the index pointing at the new node.
        await update(aUri, typologieen);
        expect(withoutProvenanceHints(shared.workspace.LangiumDocuments.getDocument(cUri)!.diagnostics)).toEqual([]);
        expect(refsTo().map(r => r.sourceUri.toString())).toEqual([cUri.toString()]);
    });
});

function isBeslisboomOrTypologie(x: unknown): x is Gids['elementen'][number] {
    return typeof x === 'object' && x !== null && (x as { $type?: string }).$type === 'Typologie';
}

async function update(uri: URI, text: string): Promise<void> {
    const shared = services.shared;
    const version = shared.workspace.LangiumDocuments.getDocument(uri)!.textDocument.version + 1;
    // Hand the new text over the way the language server does on an edit, then rebuild.
    setTextDocument(shared, TextDocument.create(uri.toString(), 'handreiking', version, text));
    await shared.workspace.DocumentBuilder.update([uri], []);
}
