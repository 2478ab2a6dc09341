import {
    AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MapScope, MultiMapScope, type AstNode, type AstNodeDescription, type ReferenceInfo, type Scope, type Stream
} from 'langium';
import {
    Beslisboom, Naamwaarde, Scenario, ScenarioInvoer, ScenarioStap, Vraag,
    isBerekening, isBeslisboom, isScenario, type Berekening, type Knoop
} from '../generated/ast.js';
import { isArrow } from '../model/tree-graph.js';

/**
 * Two rules stock Langium does not give:
 * - arrows (`->`, `daarna`, `start`) resolve only among the nodes of their own tree;
 * - a scenario's questions, `langs` and `verwacht` resolve among the nodes of the tree the scenario names;
 * - a name in a calculation resolves among that calculation's inputs and values, and a scenario's
 *   inputs among the inputs of the calculation it names.
 * Everything else (`zie`, typologies, characteristics, trees) uses the default chain of local
 * symbols and the workspace-wide index.
 */
export class HandreikingScopeProvider extends DefaultScopeProvider {
    override getScope(context: ReferenceInfo): Scope {
        const { container, property } = context;
        if (isArrow(container.$type, property)) {
            const boom = AstUtils.getContainerOfType(container, isBeslisboom);
            return boom ? this.nodesOf(boom) : EMPTY_SCOPE;
        }
        if ((container.$type === ScenarioStap.$type && property === ScenarioStap.vraag)
            || (container.$type === Scenario.$type && (property === Scenario.verwacht || property === Scenario.langs))) {
            const scenario = AstUtils.getContainerOfType(container, isScenario);
            const boom = scenario?.boom?.ref;
            if (!boom) return EMPTY_SCOPE;
            const onlyQuestions = property === ScenarioStap.vraag;
            return this.nodesOf(boom, onlyQuestions ? (k => k.$type === Vraag.$type) : undefined);
        }
        if (container.$type === Naamwaarde.$type && property === Naamwaarde.naam) {
            const berekening = AstUtils.getContainerOfType(container, isBerekening);
            return berekening ? this.namesOf(berekening) : EMPTY_SCOPE;
        }
        if (container.$type === ScenarioInvoer.$type && property === ScenarioInvoer.invoer) {
            const berekening = AstUtils.getContainerOfType(container, isScenario)?.berekening?.ref;
            return berekening ? this.namesOf(berekening, true) : EMPTY_SCOPE;
        }
        if (property === 'zie') {
            // Inside a tree, `zie Knoop` may name a node of the same tree; then everything else.
            const boom = AstUtils.getContainerOfType(container, isBeslisboom);
            if (boom) return new ChainedScope(this.nodesOf(boom), this.defaultScope(context));
        }
        return this.defaultScope(context);
    }

    /**
     * Langium's default scope (local symbols of each container, innermost first, then the index),
     * with one change: Langium scans a container's local symbols for every reference, which made
     * linking quadratic in the number of elements of a file (a minute for a 10 MB file). Here the
     * local symbols of a container are put in a map once per reference type. They depend on the
     * document's own AST only, which is replaced when the document changes.
     */
    private readonly localScopes = new WeakMap<AstNode, Map<string, Scope>>();

    private defaultScope(context: ReferenceInfo): Scope {
        // Completion in a broken text sometimes asks for a property that is no reference, or for a
        // node it made up that belongs to no document: nothing to offer, rather than an exception.
        let referenceType: string;
        try {
            referenceType = this.reflection.getReferenceType(context);
        } catch {
            return EMPTY_SCOPE;
        }
        let result = this.getGlobalScope(referenceType, context);
        const localSymbols = AstUtils.findRootNode(context.container).$document?.localSymbols;
        if (!localSymbols) return result;
        const containers: AstNode[] = [];
        for (let node: AstNode | undefined = context.container; node; node = node.$container) {
            if (localSymbols.has(node)) containers.push(node);
        }
        for (let i = containers.length - 1; i >= 0; i--) {
            const node = containers[i];
            let byType = this.localScopes.get(node);
            if (!byType) this.localScopes.set(node, byType = new Map());
            let local = byType.get(referenceType);
            if (!local) {
                local = new MultiMapScope(localSymbols.getStream(node).filter(d => this.reflection.isSubtype(d.type, referenceType)));
                byType.set(referenceType, local);
            }
            result = new ChainedScope(local, result);
        }
        return result;
    }

    /**
     * One scope per tree (and one for its questions), made on first use: a tree's arrows all look
     * up the same names, and making a fresh scope per arrow cost more than the rest of linking.
     * A tree's AST object is replaced when its document changes, so the weak maps never go stale.
     */
    private readonly treeScopes = new WeakMap<Beslisboom, Scope>();
    private readonly calculationScopes = new WeakMap<Berekening, Scope>();
    private readonly inputScopes = new WeakMap<Berekening, Scope>();

    /** A calculation's inputs and values (or only its inputs), made once per calculation as for a tree. */
    private namesOf(berekening: Berekening, onlyInputs = false): Scope {
        const cache = onlyInputs ? this.inputScopes : this.calculationScopes;
        let scope = cache.get(berekening);
        if (!scope) {
            const named = onlyInputs ? berekening.invoer : [...berekening.invoer, ...berekening.waarden];
            const seen = new Set<string>();
            const descriptions = named.filter(n => !!n.name && !seen.has(n.name) && !!seen.add(n.name))
                .map(n => this.descriptions.createDescription(n, n.name));
            scope = new MapScope(descriptions);
            cache.set(berekening, scope);
        }
        return scope;
    }
    private readonly questionScopes = new WeakMap<Beslisboom, Scope>();

    private nodesOf(boom: Beslisboom, filter?: (k: Knoop) => boolean): Scope {
        const cache = filter ? this.questionScopes : this.treeScopes;
        let scope = cache.get(boom);
        if (!scope) {
            const knopen = filter ? boom.knopen.filter(filter) : boom.knopen;
            // With a duplicate name (HRK001) the first node wins, as in source order.
            const seen = new Set<string>();
            const descriptions = knopen.filter(k => !!k.name && !seen.has(k.name) && !!seen.add(k.name))
                .map(k => this.descriptions.createDescription(k, k.name));
            scope = new MapScope(descriptions);
            cache.set(boom, scope);
        }
        return scope;
    }
}

/** A scope that looks in `inner` first and then in `outer`, without copying either. */
class ChainedScope implements Scope {
    constructor(private readonly inner: Scope, private readonly outer: Scope) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.inner.getElement(name) ?? this.outer.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return this.inner.getElements(name).concat(this.outer.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.inner.getAllElements().concat(this.outer.getAllElements());
    }
}
