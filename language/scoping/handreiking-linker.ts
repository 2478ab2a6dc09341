import { Cancellation, DefaultLinker, interruptAndCheck, isMultiReference, isReference, type LangiumDocument } from 'langium';
import { astOrder } from '../model/ast-order.js';

/**
 * Langium's linker, walking the document without its per-node streams (model/ast-order.ts): the
 * same nodes and references in the same order, each linked by Langium's `doLink`. With Langium's
 * profiler on, Langium's own walk runs (it times each reference).
 */
export class HandreikingLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        for (const node of astOrder(document.parseResult.value).nodes) {
            await interruptAndCheck(cancelToken);
            for (const property of Object.keys(node)) {
                if (property.startsWith('$')) continue;
                const value = (node as unknown as Record<string, unknown>)[property];
                if (isReference(value) || isMultiReference(value)) {
                    this.doLink({ reference: value, container: node, property }, document);
                } else if (Array.isArray(value)) {
                    value.forEach((element: unknown, index) => {
                        if (isReference(element) || isMultiReference(element)) this.doLink({ reference: element, container: node, property, index }, document);
                    });
                }
            }
        }
    }
}
