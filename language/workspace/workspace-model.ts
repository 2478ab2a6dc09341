import type { AstNode, LangiumDocuments, LangiumSharedCoreServices } from 'langium';
import { isGids, type Element, type Financiering, type Kenmerk, type Typologie, type Beslisboom, type Scenario } from '../generated/ast.js';

/**
 * Reads the elements of the whole workspace (every loaded `.hrk` document) by kind, in a stable
 * order (by document URI, then source order), for the workspace-wide checks and the generators.
 */
export class WorkspaceModel {
    private readonly documents: LangiumDocuments;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
    }

    elements(): Element[] {
        const docs = this.documents.all.toArray().sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
        const result: Element[] = [];
        for (const doc of docs) {
            const root: AstNode = doc.parseResult.value;
            if (isGids(root)) result.push(...root.elementen);
        }
        return result;
    }

    typologieen(): Typologie[] {
        return this.ofType<Typologie>('Typologie');
    }

    kenmerken(): Kenmerk[] {
        return this.ofType<Kenmerk>('Kenmerk');
    }

    financieringen(): Financiering[] {
        return this.ofType<Financiering>('Financiering');
    }

    bomen(): Beslisboom[] {
        return this.ofType<Beslisboom>('Beslisboom');
    }

    scenarios(): Scenario[] {
        return this.ofType<Scenario>('Scenario');
    }

    private ofType<T extends Element>(type: T['$type']): T[] {
        return this.elements().filter((e): e is T => e.$type === type);
    }
}
