import * as fs from 'node:fs';
import * as path from 'node:path';
import { DefaultAstNodeDescriptionProvider, type AstNodeDescription } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { HandreikingAstNodeDescriptionProvider, NodeDescription } from '../../language/scoping/node-descriptions.js';
import { clearAll, createTestServices, exampleFiles, validateFiles } from '../helpers.js';

/**
 * The index describes each named element and node with a NodeDescription
 * (language/scoping/node-descriptions.ts), which works out its segments and path when first read.
 * Read, every part must be what Langium's own provider gives for the same node.
 */

const root = path.resolve(__dirname, '../..');

/** Every part of a description, read through its getters. */
function parts(d: AstNodeDescription): Record<string, unknown> {
    return { node: d.node, name: d.name, type: d.type, documentUri: d.documentUri.toString(), path: d.path, nameSegment: d.nameSegment, selectionSegment: d.selectionSegment };
}

describe('the descriptions in the index', () => {
    test('every element and node of the guide is described as Langium describes it', async () => {
        const services = createTestServices();
        const files = Object.fromEntries(exampleFiles().map(f => [path.relative(path.join(root, 'examples'), f), fs.readFileSync(f, 'utf-8')]));
        await validateFiles(services, files);
        const provider = services.workspace.AstNodeDescriptionProvider;
        expect(provider).toBeInstanceOf(HandreikingAstNodeDescriptionProvider);
        const langiums = new DefaultAstNodeDescriptionProvider(services);
        const described = services.shared.workspace.IndexManager.allElements().toArray();
        // Top-level elements and `Boom.Knoop` for every node of every tree.
        expect(described.length).toBeGreaterThan(100);
        expect(described.some(d => d.name.includes('.'))).toBe(true);
        for (const d of described) {
            expect(d).toBeInstanceOf(NodeDescription);
            expect(parts(d), d.name).toEqual(parts(langiums.createDescription(d.node!, d.name)));
        }
        await clearAll(services);
    });

    test('a segment or the path is worked out when first read, once', async () => {
        const services = createTestServices();
        const docs = await validateFiles(services, { 'a.hrk': 'kenmerk Schaal "Schaal" { "klein", "groot" }' });
        const kenmerk = docs.get('a.hrk')!.parseResult.value.elementen[0];
        const locator = services.workspace.AstNodeLocator;
        const pathOf = vi.spyOn(locator, 'getAstNodePath');
        const nameNode = vi.spyOn(services.references.NameProvider, 'getNameNode');
        const d = services.workspace.AstNodeDescriptionProvider.createDescription(kenmerk, 'Schaal');
        expect(pathOf).not.toHaveBeenCalled();
        expect(nameNode).not.toHaveBeenCalled();
        expect(d.path).toBe('/elementen@0');
        const calls = pathOf.mock.calls.length;
        expect(calls).toBeGreaterThan(0);
        expect(d.path).toBe('/elementen@0');
        expect(pathOf).toHaveBeenCalledTimes(calls);
        expect(d.nameSegment?.range).toEqual({ start: { line: 0, character: 8 }, end: { line: 0, character: 14 } });
        expect(d.nameSegment?.offset).toBe(8);
        expect(nameNode).toHaveBeenCalledTimes(1);
        expect(d.selectionSegment).toMatchObject({ offset: 0, end: 44 });
        await clearAll(services);
    });

    test('a node without a name is refused as Langium refuses it, naming its path', async () => {
        const services = createTestServices();
        const docs = await validateFiles(services, { 'a.hrk': 'kenmerk Schaal "Schaal" { "klein" }' });
        const kenmerk = docs.get('a.hrk')!.parseResult.value.elementen[0];
        expect(() => services.workspace.AstNodeDescriptionProvider.createDescription(kenmerk, '')).toThrow('Node at path /elementen@0 has no name.');
        await clearAll(services);
    });
});
