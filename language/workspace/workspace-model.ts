import { WorkspaceCache, type AstNode, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { isGids, type Element, type Financiering, type Kenmerk, type Typologie, type Beslisboom, type Scenario } from '../generated/ast.js';
import { resolveApplicability } from '../model/funding.js';
import { compareText } from '../text/collation.js';

/**
 * Reads the elements of the whole workspace (every loaded `.hrk` document) by kind, in a stable
 * order (by document URI, then source order), for the workspace-wide checks and the generators.
 */
export class WorkspaceModel {
    private readonly documents: LangiumDocuments;
    private readonly shared: LangiumSharedCoreServices;
    /** Emptied whenever a document changes; filled once per build by the first check that asks. */
    private readonly cache: WorkspaceCache<string, unknown>;

    constructor(shared: LangiumSharedCoreServices) {
        this.shared = shared;
        this.documents = shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(shared);
    }

    /**
     * Where each top-level name is defined, from the index: one pass over the index per build
     * instead of one per document (which made the duplicate check quadratic).
     */
    topLevelNames(): Map<string, Array<{ uri: string; range?: Range }>> {
        return this.cache.get('names', () => {
            const byName = new Map<string, Array<{ uri: string; range?: Range }>>();
            for (const desc of this.shared.workspace.IndexManager.allElements()) {
                if (desc.name.includes('.')) continue; // Boom.Knoop: a node, not a top-level name
                const list = byName.get(desc.name) ?? [];
                list.push({ uri: desc.documentUri.toString(), range: desc.nameSegment?.range });
                byName.set(desc.name, list);
            }
            return byName;
        }) as Map<string, Array<{ uri: string; range?: Range }>>;
    }

    elements(): Element[] {
        return this.cache.get('elements', () => this.collectElements()) as Element[];
    }

    private collectElements(): Element[] {
        const docs = this.documents.all.toArray().sort((a, b) => compareText(a.uri.toString(), b.uri.toString()));
        const result: Element[] = [];
        for (const doc of docs) {
            const root: AstNode = doc.parseResult.value;
            // Not push(...elementen): spread arguments overflow the stack for a file of some 100 000 elements.
            if (isGids(root)) for (const element of root.elementen) result.push(element);
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

    /**
     * The typologies each funding rule applies to, resolved once per build: checks and code lenses
     * ask per typology, and resolving every rule again for each one was cubic in the workspace size.
     */
    applicability(): Map<Financiering, Set<Typologie>> {
        return this.cache.get('applicability', () => {
            const typologieen = this.typologieen();
            return new Map(this.financieringen().map(f => [f, new Set(resolveApplicability(f, typologieen))]));
        }) as Map<Financiering, Set<Typologie>>;
    }

    private ofType<T extends Element>(type: T['$type']): T[] {
        return this.cache.get(type, () => this.elements().filter((e): e is T => e.$type === type)) as T[];
    }
}
