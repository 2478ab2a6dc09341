import * as path from 'node:path';
import fc from 'fast-check';
import { AstUtils, Cancellation, DefaultDocumentValidator, DefaultLinker, isOperationCancelled, type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationOptions } from 'langium';
import { describe, expect, test } from 'vitest';
import { deepShapes, deepText, loadExamples, mutatedWorkspaceArb } from '../../fuzz/mutations.js';
import { isBeslisboom } from '../../language/generated/ast.js';
import { astOrder } from '../../language/model/ast-order.js';
import { HandreikingLinker } from '../../language/scoping/handreiking-linker.js';
import { HandreikingDocumentValidator } from '../../language/validation/handreiking-document-validator.js';
import type { HandreikingServices } from '../../language/handreiking-module.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { clearAll, createTestServices, validateFiles, withoutProvenanceHints } from '../helpers.js';

/**
 * The linker and the document validator walk a document with `astOrder` (language/model/ast-order.ts)
 * instead of Langium's `streamAst`. The walk must be Langium's — the same nodes in the same order,
 * subtrees where Langium has them — and linking and validating must give what Langium's own
 * walks give, on the guide and on damaged copies of it (syntax errors leave partial trees).
 */

const examples = loadExamples(path.resolve(__dirname, '../../examples'));

/**
 * A tree with something to report: by the tree's checks (an advice that cannot be reached, HRK011)
 * and by its question's (an answer given twice, HRK013).
 */
const extra = `beslisboom Extra "Extra" {
    start V0
    vraag V0 "Is er sprake van iets?" {
        ja  -> A0
        ja  -> A1
    }
    advies A0 "Doe dit."
    advies A1 "Doe dat."
    advies A2 "Nooit bereikt."
}
`;

/** The validator's walk over the nodes and its choice per node, which Langium keeps protected. */
interface Walking {
    validateAstNodes(root: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken?: Cancellation.CancellationToken): Promise<void>;
    validateSingleNodeOptions(node: AstNode, options: ValidationOptions): { validateNode: boolean; validateChildren: boolean };
}

/** Services whose linker and validator walk as Langium does: Langium's own methods on the same objects. */
function langiumWalking(): HandreikingServices {
    const services = createTestServices();
    const linker = services.references.Linker;
    linker.link = DefaultLinker.prototype.link.bind(linker);
    // Protected in Langium: reached through a view of the validator with the method public.
    const validator = services.validation.DocumentValidator as unknown as Walking;
    validator.validateAstNodes = (DefaultDocumentValidator.prototype as unknown as Walking).validateAstNodes.bind(validator);
    return services;
}

/** What a workspace gives: per document its diagnostics and where each of its references leads. */
async function outcome(services: HandreikingServices, files: Record<string, string>): Promise<Record<string, unknown>> {
    const documents = await validateFiles(services, files);
    const locator = services.workspace.AstNodeLocator;
    const result: Record<string, unknown> = {};
    for (const [name, document] of documents) {
        result[name] = {
            diagnostics: document.diagnostics,
            references: document.references.map(r => 'ref' in r && r.ref ? `${r.$refText} → ${AstUtils.getDocument(r.ref).uri.path}#${locator.getAstNodePath(r.ref)}` : `${r.$refText} ✗ ${r.error?.message ?? ''}`)
        };
    }
    await clearAll(services);
    return result;
}

/** Checks `astOrder` against `streamAst` for every document of the workspace. */
async function expectLangiumsOrder(files: Record<string, string>): Promise<number> {
    const services = createTestServices();
    const documents = await validateFiles(services, files);
    let nodes = 0;
    for (const [name, document] of documents as Map<string, LangiumDocument>) {
        const root = document.parseResult.value;
        const order = astOrder(root);
        expect(order.nodes, name).toEqual(AstUtils.streamAst(root).toArray());
        order.nodes.forEach((node, i) => {
            // A subtree ends where Langium's walk of that node alone ends.
            expect(order.ends[i] - i, `${name} #${i}`).toBe(AstUtils.streamAst(node).count());
        });
        nodes += order.nodes.length;
    }
    await clearAll(services);
    return nodes;
}

describe('walking a document in Langium\'s order without its streams', () => {
    test('the guide: every node in the order of streamAst, and every subtree where it ends', async () => {
        expect(await expectLangiumsOrder(examples)).toBeGreaterThan(500);
    });

    test('files nested a thousand deep, in every shape the fuzzer has', async () => {
        for (const shape of deepShapes) {
            expect(await expectLangiumsOrder({ 'diep.hrk': deepText(shape, 1000) }), shape).toBeGreaterThan(0);
        }
    });

    test('the guide links and checks exactly as with Langium\'s walks', async () => {
        const ours = createTestServices();
        expect(ours.references.Linker).toBeInstanceOf(HandreikingLinker);
        expect(ours.validation.DocumentValidator).toBeInstanceOf(HandreikingDocumentValidator);
        const files = { ...examples, 'extra.hrk': extra };
        const expected = await outcome(langiumWalking(), files);
        const found = await outcome(ours, files);
        expect(found).toEqual(expected);
        // Not a comparison of empty results: references, and diagnostics (those of the extra tree).
        const all = Object.values(found) as Array<{ diagnostics: unknown[]; references: unknown[] }>;
        expect(all.reduce((n, d) => n + d.references.length, 0)).toBeGreaterThan(100);
        expect(all.reduce((n, d) => n + d.diagnostics.length, 0)).toBeGreaterThan(1);
    });

    test('80 damaged copies of the guide: the same order, links and diagnostics as with Langium\'s walks', async () => {
        const ours = createTestServices();
        const langiums = langiumWalking();
        let broken = 0;
        await fc.assert(fc.asyncProperty(mutatedWorkspaceArb(examples), async fuzzCase => {
            await expectLangiumsOrder(fuzzCase.files);
            const expected = await outcome(langiums, fuzzCase.files);
            const found = await outcome(ours, fuzzCase.files);
            expect(found, fuzzCase.label).toEqual(expected);
            if (JSON.stringify(found).includes('✗')) broken++;
        }), { seed: 20261205, numRuns: 80 });
        // The sample has unresolved references too, not only clean copies.
        expect(broken).toBeGreaterThan(5);
    });

    test('a validator that skips a subtree skips the same nodes as Langium\'s walk', async () => {
        const skipTrees = (services: HandreikingServices) => {
            const validator = services.validation.DocumentValidator as unknown as Walking;
            validator.validateSingleNodeOptions = (node: AstNode) => ({ validateNode: true, validateChildren: !isBeslisboom(node) });
            return services;
        };
        const files = { ...examples, 'extra.hrk': extra };
        const expected = await outcome(skipTrees(langiumWalking()), files);
        const found = await outcome(skipTrees(createTestServices()), files);
        expect(found).toEqual(expected);
        // The tree's own checks ran (HRK011), its question's did not (HRK013). Source hints (HRK060) aside.
        const codes = (o: Record<string, unknown>) => withoutProvenanceHints((o['extra.hrk'] as { diagnostics: Diagnostic[] }).diagnostics).map(d => d.code);
        expect(codes(found)).toEqual(['HRK011']);
        expect(codes(await outcome(createTestServices(), files)).sort()).toEqual(['HRK011', 'HRK013', 'HRK013']);
    });

    test('a cancelled validation stops with Langium\'s cancellation', async () => {
        const services = createTestServices();
        const documents = await validateFiles(services, { 'quickscan.hrk': examples['quickscan.hrk'] });
        const root = documents.get('quickscan.hrk')!.parseResult.value;
        const source = new Cancellation.CancellationTokenSource();
        source.cancel();
        const validator = services.validation.DocumentValidator as unknown as Walking;
        const options: ValidationOptions = {};
        const error = await validator.validateAstNodes(root, options, () => undefined, source.token).then(() => undefined, (e: unknown) => e);
        expect(isOperationCancelled(error)).toBe(true);
        await clearAll(services);
    });
});
