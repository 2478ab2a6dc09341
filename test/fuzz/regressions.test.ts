import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { EmptyFileSystem, URI, type AstNodeDescription, type LangiumDocument, type Reference } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { exportWorkspaceJson } from '../../language/generation/json/export-json.js';
import { generateHtmlGuide } from '../../language/generation/html/html-guide.js';
import { fundingOverviewMermaid } from '../../language/generation/mermaid/funding-mermaid.js';
import { treeToMermaid } from '../../language/generation/mermaid/tree-mermaid.js';
import { typologyTableHtml, typologyTableMarkdown } from '../../language/generation/tables/typology-table.js';
import { isFinanciering, isTypologieVoorwaarde, type Gids } from '../../language/generated/ast.js';
import { createHandreikingServices } from '../../language/handreiking-module.js';
import { computePreviewData } from '../../language/lsp/preview-data.js';
import { MAX_CONDITION_OPERATORS, MAX_PARENTHESES_DEPTH } from '../../language/parser/handreiking-lexer.js';
import { evaluateCalculation } from '../../language/calculation/evaluate.js';
import { runCalculationScenarios } from '../../language/calculation/run-calculation-scenarios.js';
import { HandreikingScopeComputation } from '../../language/scoping/handreiking-scope-computation.js';
import { MAX_SUGGESTION_LOOKUPS } from '../../language/validation/handreiking-document-validator.js';
import { MAX_RELATED } from '../../language/validation/names-validation.js';
import { deepText } from '../../fuzz/mutations.js';
import { cpuTimeOf } from '../support/cpu-time.js';
import { clearAll, createTestServices, validateFiles, withCode, withoutProvenanceHints } from '../helpers.js';

/**
 * One test (and its "does not" twin) for each bug the fuzz run found; docs/reliability.md lists
 * them. Sizes are those at which the bug showed, kept as small as that allows.
 */

const services = createTestServices();
afterEach(() => clearAll(services));

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../docs/schema/handreiking.schema.json'), 'utf-8')) as object;
const validateSchema = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

async function one(text: string): Promise<LangiumDocument<Gids>> {
    return (await validateFiles(services, { 'a.hrk': text })).get('a.hrk')!;
}

/** A reference as Langium's completion makes one for a scope request. */
function reference(text: string): Reference {
    return { $refText: text } as Reference;
}

/** A diagnostic's message as text. */
function messageOf(d: Diagnostic): string {
    return typeof d.message === 'string' ? d.message : d.message.value;
}

/** The (line, character) of the `n`-th occurrence (1-based) of `needle`. */
function positionOf(text: string, needle: string, n = 1): { line: number; character: number } {
    let offset = -1;
    for (let i = 0; i < n; i++) offset = text.indexOf(needle, offset + 1);
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    return { line: before.length - 1, character: before.at(-1)!.length };
}

describe('half-written elements (found: the export broke its schema and every generator threw)', () => {
    const halfWritten = `kenmerk Schaal "Schaal" { "klein", "groot" }
typologie Huiskamer { Schaal = }
beslisboom Boom { vraag V { ja -> A } advies A }
beslisboom "zonder naam" { advies X "x" }
financiering Huur { termijn structureel voor typologie waar Schaal = }
partij Bewoners { betrokken bij }
hoofdstuk H
scenario { beslisboom Boom V: ja verwacht A }
typologie
`;

    test('the JSON export still matches its schema, and every generator and the preview run', async () => {
        const document = await one(halfWritten);
        expect(withCode(document.diagnostics, 'HRK000').length).toBeGreaterThan(0);
        const json = exportWorkspaceJson(services, '/');
        expect(validateSchema(JSON.parse(JSON.stringify(json))), JSON.stringify(validateSchema.errors)).toBe(true);
        expect(json.trees.map(t => [t.id, t.title, t.nodes.map(n => [n.id, n.text])])).toEqual([['Boom', '', [['V', ''], ['A', '']]]]);
        expect(json.typologies.map(t => [t.id, t.title, t.values])).toEqual([['Huiskamer', '', {}]]);
        expect(json.scenarios.map(s => s.name)).toEqual(['']);
        for (const tree of json.trees) expect(treeToMermaid(tree).text).toMatch(/^flowchart TD/);
        expect(fundingOverviewMermaid(json).text).toContain('flowchart');
        expect(typologyTableHtml(json)).toContain('Huiskamer');
        expect(typologyTableMarkdown(json)).toContain('Huiskamer');
        expect(generateHtmlGuide(json, { mermaidJs: '', appJs: '' })).toContain('Huiskamer');
        expect(computePreviewData(services, document, {}).trees.map(t => t.tree.id)).toEqual(['Boom']);
    });

    test('a half-written calculation (found: a minimum of one argument broke the schema) is exported, evaluated and hovered without a throw', async () => {
        const document = await one(`berekening B { invoer a "a" in euro invoer "x" uitkomst "u" in euro = minimum(a
berekening C "c" { uitkomst = als a < dan - ( afronden( }
scenario "s" { berekening B a: verwacht }
scenario "t" { berekening verwacht niet van }
`);
        expect(withCode(document.diagnostics, 'HRK000').length).toBeGreaterThan(0);
        const json = exportWorkspaceJson(services, '/');
        expect(validateSchema(JSON.parse(JSON.stringify(json))), JSON.stringify(validateSchema.errors)).toBe(true);
        expect(json.calculations.map(c => c.id)).toEqual(['B', 'C']);
        for (const calc of json.calculations) expect(['value', 'notApplicable', 'error']).toContain(evaluateCalculation(calc, new Map()).status);
        expect(runCalculationScenarios(json).map(r => r.passed)).toEqual([false, false]);
    });

    test('complete elements keep their titles and texts', async () => {
        await one('kenmerk Schaal "Schaal" { "klein" }\ntypologie Huiskamer "De huiskamer" { Schaal = "klein" }\nbeslisboom Boom "De boom" { advies A "Klaar" }\n');
        const json = exportWorkspaceJson(services, '/');
        expect(json.typologies[0]).toMatchObject({ id: 'Huiskamer', title: 'De huiskamer', values: { Schaal: 'klein' } });
        expect(json.trees[0]).toMatchObject({ id: 'Boom', title: 'De boom', nodes: [expect.objectContaining({ id: 'A', text: 'Klaar' })] });
    });
});

describe('old Mac line endings, a lone CR (found: quick fixes edited past the end of the line)', () => {
    const tree = `beslisboom Boom "Boom" {
    vraag Stabiel "Is de groep stabiel?" {
        ja  -> Door
        nee -> Buurtbemiddeling
    }
    advies Door "Ga door"
}
`;

    async function createAdvice(text: string): Promise<string> {
        const document = await one(text);
        const diagnostic = (document.diagnostics ?? []).find(d => d.code === 'HRK002') as Diagnostic;
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        });
        const advice = (actions ?? []).find((a): a is CodeAction => CodeAction.is(a) && a.title.startsWith('Maak advies'))!;
        const edits = advice.edit!.changes![document.uri.toString()];
        for (const edit of edits) {
            const line = text.split(/\r\n|\r|\n/)[edit.range.start.line];
            expect(edit.range.start.character).toBeLessThanOrEqual(line.length);
        }
        await clearAll(services);
        return TextDocument.applyEdits(TextDocument.create('x', 'handreiking', 1, text), edits);
    }

    test('a quick fix inserts its line at the end of the line, with a CR', async () => {
        const cr = tree.replace(/\n/g, '\r');
        expect(await createAdvice(cr)).toBe(cr.replace('    advies Door', '    advies Buurtbemiddeling "…"\r    advies Door'));
    });

    test('with LF and CRLF it stays as it was', async () => {
        expect(await createAdvice(tree)).toBe(tree.replace('    advies Door', '    advies Buurtbemiddeling "…"\n    advies Door'));
        const crlf = tree.replace(/\n/g, '\r\n');
        expect(await createAdvice(crlf)).toBe(crlf.replace('    advies Door', '    advies Buurtbemiddeling "…"\r\n    advies Door'));
    });
});

describe('deeply nested parentheses (found: the parser overflowed the stack and kept stale state)', () => {
    test(`5 000 levels: one syntax error at the first parenthesis deeper than ${MAX_PARENTHESES_DEPTH}, the rest is read`, async () => {
        const text = deepText('parentheses', 5000);
        const document = await one(text);
        expect(withoutProvenanceHints(document.diagnostics).map(d => d.code)).toEqual(['HRK000']);
        expect(messageOf(document.diagnostics![0])).toContain(`hoogstens ${MAX_PARENTHESES_DEPTH} diep`);
        expect(document.diagnostics![0].range.start).toEqual(positionOf(text, '(', MAX_PARENTHESES_DEPTH + 1));
        const financiering = document.parseResult.value.elementen.find(isFinanciering);
        expect(financiering?.termijn).toEqual(['structureel']);
        expect(isTypologieVoorwaarde(financiering?.voor[0]) && financiering?.voor[0].conditie).toBeTruthy();
    });

    test('the next document is parsed right (no state left behind)', async () => {
        await one(deepText('parentheses', 5000));
        const parsed = services.parser.LangiumParser.parse<Gids>('hoofdstuk H "H"');
        expect(parsed.value.elementen.map(e => e.name)).toEqual(['H']);
        expect(parsed.parserErrors).toEqual([]);
    });

    test(`${MAX_PARENTHESES_DEPTH} levels are fine`, async () => {
        const document = await one(deepText('parentheses', MAX_PARENTHESES_DEPTH));
        expect(withoutProvenanceHints(document.diagnostics)).toEqual([]);
    });

    test('unbalanced parentheses past the limit still give located errors', async () => {
        const document = await one(deepText('parenthesesUnclosed', 5000));
        expect(document.diagnostics!.length).toBeGreaterThan(0);
        expect(withoutProvenanceHints(document.diagnostics).every(d => d.code === 'HRK000')).toBe(true);
    });
});

describe('a condition with thousands of en/of (found: a tree as deep as the chain overflowed the stack)', () => {
    test(`5 000 terms: one syntax error at operator ${MAX_CONDITION_OPERATORS + 1}, formatting and the outline stay fast`, async () => {
        const text = deepText('andChain', 5000);
        const document = await one(text);
        const operator = positionOf(text, ' en ', MAX_CONDITION_OPERATORS + 1);
        expect(withCode(document.diagnostics, 'HRK000').map(d => d.range.start)).toEqual([{ ...operator, character: operator.character + 1 }]);
        expect(messageOf(withCode(document.diagnostics, 'HRK000')[0])).toContain(`hoogstens ${MAX_CONDITION_OPERATORS} keer`);
        const { cpuMs } = await cpuTimeOf(async () => {
            await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
            await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        });
        expect(cpuMs).toBeLessThan(5_000);
    });

    test(`${MAX_CONDITION_OPERATORS} operators are fine, and conditions in other rules count on their own`, async () => {
        const chain = deepText('andChain', MAX_CONDITION_OPERATORS + 1);
        const twice = chain + chain.slice(chain.indexOf('financiering')).replace('Diep', 'Diep2');
        const document = await one(twice);
        expect(withCode(document.diagnostics, 'HRK000')).toEqual([]);
    });
});

describe('files with 150 000 elements or references (found: spread arguments overflowed the stack)', () => {
    test('the workspace model lists every element', () => {
        const text = Array.from({ length: 150_000 }, (_, i) => `hoofdstuk H${i} "h"`).join('\n');
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///ws/veel.hrk'));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        expect(services.handreiking.WorkspaceModel.elements()).toHaveLength(150_000);
    });

    test('find references and highlighting of a name used 150 000 times', async () => {
        const text = `typologie T "t" { }\npartij P "p" { betrokken bij ${Array.from({ length: 150_000 }, () => 'T').join(', ')} }\n`;
        const documents = new Map<string, LangiumDocument>();
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///ws/veel.hrk'));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents.set('veel.hrk', document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
        const textDocument = { uri: document.uri.toString() };
        const position = { line: 0, character: 10 };
        const references = await services.lsp.ReferencesProvider!.findReferences(document, { textDocument, position, context: { includeDeclaration: true } });
        expect(references).toHaveLength(150_001);
        const highlights = await services.lsp.DocumentHighlightProvider!.getDocumentHighlight(document, { textDocument, position });
        expect(highlights).toHaveLength(150_001);
    });
});

describe('a question with very many answers (found: formatting overflowed the stack, and was quadratic)', () => {
    const question = (n: number) => `beslisboom B "B" {\n    vraag V "v?" {\n${Array.from({ length: n }, (_, i) => `        antwoord "a${i}" -> A\n`).join('')}    }\n    advies A "a"\n}\n`;

    test('150 000 answers are formatted', () => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(question(150_000), URI.parse('file:///ws/vraag.hrk'));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        const edits = services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        expect(Array.isArray(edits)).toBe(true);
    });

    test('the arrows are still aligned to the longest answer', async () => {
        const text = 'beslisboom B "B" {\n    vraag V "v?" {\n        antwoord "kort" -> A\n        antwoord "veel langer" -> A\n    }\n    advies A "a"\n}\n';
        const document = await one(text);
        const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        const formatted = TextDocument.applyEdits(TextDocument.create('x', 'handreiking', 1, text), edits);
        expect(formatted).toContain('antwoord "kort"        -> A');
        expect(formatted).toContain('antwoord "veel langer" -> A');
    });
});

describe('large workspaces (found: linking, code lenses and HRK031 grew with the square or cube of the size)', () => {
    const many = (n: number) => [
        'kenmerk Schaal "Schaal" { "klein", "groot" }',
        ...Array.from({ length: n }, (_, i) => `typologie T${i} "T${i}" { Schaal = "${i % 2 ? 'klein' : 'groot'}" }`),
        ...Array.from({ length: n }, (_, i) => `financiering F${i} "F${i}" { termijn ${i % 3 ? 'incidenteel' : 'structureel'} voor typologie waar Schaal = "klein" }`),
        ...Array.from({ length: n }, (_, i) => `partij P${i} "P${i}" { betrokken bij T${i}, T${(i * 7) % n} }`)
    ].join('\n');

    test('800 typologies, 800 funding rules and 1 600 references: checks and code lenses in seconds, with the same results', async () => {
        const { value: { document, lenses }, cpuMs } = await cpuTimeOf(async () => {
            const document = await one(many(800));
            const lenses = await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
            return { document, lenses };
        });
        expect(cpuMs).toBeLessThan(20_000);
        expect(withCode(document.diagnostics, 'HRK002')).toEqual([]);
        // Typologies with Schaal = "groot" get no structural funding (HRK031); the others do.
        expect(withCode(document.diagnostics, 'HRK031')).toHaveLength(400);
        // T0 (groot) gets none of the 800 rules, T1 (klein) all of them, 267 of which are structural.
        expect(lenses?.find(l => l.range.start.line === 1)?.command?.title).toMatch(/^0 financieringsbronnen/);
        expect(lenses?.find(l => l.range.start.line === 2)?.command?.title).toMatch(/^800 financieringsbronnen/);
    });

    test('with a duplicate name the first definition still wins', async () => {
        const document = await one('typologie T "eerste" { }\ntypologie T "tweede" { }\npartij P "p" { betrokken bij T }\n');
        const partij = document.parseResult.value.elementen[2] as { betrokkenBij: Array<{ ref?: { titel: string } }> };
        expect(partij.betrokkenBij[0].ref?.titel).toBe('eerste');
    });
});

describe('completion in a broken text (found: the scope provider threw, and Langium logged it)', () => {
    test('a property that is no reference, or a node without a document, gets an empty scope', async () => {
        const document = await one('beslisboom B "B" { advies A "a" }\nscenario "s" { beslisboom B verwacht A }\n');
        const boom = document.parseResult.value.elementen[0];
        const scopes = services.references.ScopeProvider;
        expect(scopes.getScope({ reference: reference(''), container: boom, property: 'boom' }).getAllElements().toArray()).toEqual([]);
        const detached = { $type: 'Scenario', stappen: [] } as unknown as import('langium').AstNode;
        expect(scopes.getScope({ reference: reference(''), container: detached, property: 'boom' }).getAllElements().map(d => d.name).toArray()).toEqual(['B']);
    });

    test('a real reference still gets its scope', async () => {
        const document = await one('beslisboom B "B" { advies A "a" }\nscenario "s" { beslisboom B verwacht A }\n');
        const scenario = document.parseResult.value.elementen[1];
        const scope = services.references.ScopeProvider.getScope({ reference: reference('B'), container: scenario, property: 'boom' });
        expect(scope.getElement('B')?.name).toBe('B');
    });
});

describe('thousands of references to a name that is gone (found: a minute of looking for similar names)', () => {
    test(`a tree cut short by a syntax error: validation stays fast, and the first ${MAX_SUGGESTION_LOOKUPS} names still get suggestions`, async () => {
        // Every question points at Stop, which the syntax error cuts out of the tree.
        const text = deepText('questionChain', 3000).replace('    advies Einde', '    }\n    advies Einde');
        const { value: document, cpuMs } = await cpuTimeOf(() => one(text));
        expect(cpuMs).toBeLessThan(15_000);
        const stop = withCode(document.diagnostics, 'HRK002').filter(d => messageOf(d).startsWith('‘Stop’'));
        expect(stop.length).toBeGreaterThan(2900);
        expect(new Set(stop.map(messageOf)).size).toBe(1);
    });

    test('a misspelt name still gets the closest names', async () => {
        const document = await one('beslisboom B "B" { vraag V "v?" { ja -> Stopp nee -> Stop } advies Stop "s" }\n');
        expect(withCode(document.diagnostics, 'HRK002')[0].data).toMatchObject({ suggestions: ['Stop'] });
    });
});

describe('a name defined thousands of times (found: gigabytes of related information)', () => {
    test(`each HRK001 lists at most ${MAX_RELATED} other places`, async () => {
        const document = await one(Array.from({ length: 2000 }, () => 'hoofdstuk H "h"').join('\n'));
        const duplicates = withCode(document.diagnostics, 'HRK001');
        expect(duplicates).toHaveLength(2000);
        expect(Math.max(...duplicates.map(d => d.relatedInformation?.length ?? 0))).toBe(MAX_RELATED);
    });

    test('a name defined three times lists the two other places', async () => {
        const document = await one('hoofdstuk H "h"\nhoofdstuk H "h"\nhoofdstuk H "h"\n');
        expect(withCode(document.diagnostics, 'HRK001').map(d => d.relatedInformation?.map(r => r.location.range.start.line))).toEqual([[1, 2], [0, 2], [0, 1]]);
    });
});

describe('a string of 10 MB (found: the STRING pattern overflowed the regex stack)', () => {
    test('is read as one string', () => {
        const long = 'een lange tekst met \\"escapes\\" '.repeat(350_000);
        const parsed = services.parser.LangiumParser.parse<Gids>(`hoofdstuk H "H" { toelichting "${long}" }`);
        expect(parsed.lexerErrors).toEqual([]);
        expect(parsed.parserErrors).toEqual([]);
        expect((parsed.value.elementen[0] as { toelichting: string[] }).toelichting[0].length).toBeGreaterThan(10_000_000);
    });

    test('escapes and unterminated strings are read as before', () => {
        const parsed = services.parser.LangiumParser.parse<Gids>('hoofdstuk H "a \\"b\\" c"\nhoofdstuk K "open');
        expect((parsed.value.elementen[0] as { titel: string }).titel).toBe('a "b" c');
        expect(parsed.lexerErrors).toHaveLength(1);
    });
});

describe('a build that fails (found: an unhandled rejection ended the language server)', () => {
    test('after an edit or a save, the failure is logged and no promise is left unhandled', async () => {
        const { shared } = createHandreikingServices(EmptyFileSystem);
        await shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const failure = new Error('build fails');
        shared.workspace.DocumentBuilder.update = () => Promise.reject(failure);
        shared.workspace.DocumentBuilder.build = () => Promise.reject(failure);
        const unhandled: unknown[] = [];
        const onUnhandled = (reason: unknown) => { unhandled.push(reason); };
        process.on('unhandledRejection', onUnhandled);
        const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
            const document = TextDocument.create('file:///ws/a.hrk', 'handreiking', 1, 'hoofdstuk H "H"');
            shared.lsp.DocumentUpdateHandler.didChangeContent!({ document });
            shared.lsp.DocumentUpdateHandler.didSaveDocument!({ document });
            // Both failures logged; then one turn of the event loop, in which Node reports a
            // rejection that nobody handled.
            await vi.waitFor(() => expect(logged.mock.calls.filter(call => call[1] === failure)).toHaveLength(2), { timeout: 30_000 });
            await new Promise(resolve => setImmediate(resolve));
            expect(unhandled).toEqual([]);
            expect(logged.mock.calls.filter(call => call[1] === failure)).toHaveLength(2);
        } finally {
            process.off('unhandledRejection', onUnhandled);
            logged.mockRestore();
        }
    });

    test('one document that fails to index does not stop the others, nor its own later phases', async () => {
        const { shared, Handreiking } = createHandreikingServices(EmptyFileSystem, {
            language: {
                references: {
                    ScopeComputation: s => new class extends HandreikingScopeComputation {
                        override collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
                            if (document.uri.path.endsWith('kapot.hrk')) throw new Error('indexing fails');
                            return super.collectExportedSymbols(document);
                        }
                    }(s)
                }
            }
        });
        const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
            const factory = shared.workspace.LangiumDocumentFactory;
            const kapot = factory.fromString('hoofdstuk H "H" { }\nbeslisboom B "B" { stap S "s" -> Onbekend }', URI.parse('file:///ws/kapot.hrk'));
            const heel = factory.fromString('beslisboom C "C" { advies A "a" { zie Onbekend } }', URI.parse('file:///ws/heel.hrk'));
            shared.workspace.LangiumDocuments.addDocument(kapot);
            shared.workspace.LangiumDocuments.addDocument(heel);
            await shared.workspace.DocumentBuilder.build([kapot, heel], { validation: true });
            expect(withCode(kapot.diagnostics, 'HRK002')).toHaveLength(1);
            expect(withCode(heel.diagnostics, 'HRK002')).toHaveLength(1);
            expect(logged.mock.calls.some(call => String(call[0]).includes('IndexedContent of file:///ws/kapot.hrk failed'))).toBe(true);
            expect(Handreiking.handreiking.WorkspaceModel.elements()).toHaveLength(3);
        } finally {
            logged.mockRestore();
        }
    });
});
