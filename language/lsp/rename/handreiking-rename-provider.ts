import {
    AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type LangiumDocument, type LangiumDocuments,
    type ReferenceDescription
} from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import {
    LSPErrorCodes, ResponseError, type Position, type Range, type RenameParams, type TextDocumentPositionParams, type TextEdit,
    type WorkspaceEdit
} from 'vscode-languageserver';
import { isAdvies, isBeslisboom, isInvoer, isKnoop, isStap, isTussenwaarde, type Beslisboom, type Knoop } from '../../generated/ast.js';
import type { HandreikingServices } from '../../handreiking-module.js';
import { elementKind } from '../node-kinds/element-kinds.js';
import { lspTexts, type LspCatalogue } from '../lsp-messages.js';
import { isTreePartOfQualifiedReference } from '../qualified-reference.js';

/** What is renamed: an element, and whether the cursor was on the `Boom` part of `Boom.Knoop`. */
interface RenameTarget {
    node: AstNode;
    /** The range of the name (or name part) under the cursor. */
    range: Range;
}

/**
 * Rename across the workspace, with the language's two kinds of names in mind: a node is `Knoop`
 * in its tree and `Boom.Knoop` elsewhere, so renaming a node changes only the part after the dot
 * of qualified references, and renaming a tree changes the part before it. A name that is not a
 * valid name, is a keyword, or collides with an existing one (or would make an existing `zie`
 * point elsewhere) is refused with a message, and nothing changes.
 */
export class HandreikingRenameProvider extends DefaultRenameProvider {
    private readonly services: HandreikingServices;
    private readonly documents: LangiumDocuments;
    private readonly idPattern: RegExp;
    private readonly keywords: Set<string>;

    constructor(services: HandreikingServices) {
        super(services);
        this.services = services;
        this.documents = services.shared.workspace.LangiumDocuments;
        const grammar = services.Grammar;
        const id = grammar.rules.find((r): r is GrammarAST.TerminalRule => GrammarAST.isTerminalRule(r) && r.name === 'ID');
        this.idPattern = new RegExp(`^(?:${id ? GrammarUtils.terminalRegex(id).source : '[_\\p{L}][\\p{L}\\p{N}_]*'})$`, 'u');
        this.keywords = new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).map(k => k.value));
    }

    private get t(): LspCatalogue {
        return lspTexts(this.services.i18n.Locale.lang);
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        return this.targetAt(document, params.position)?.range;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params.position);
        if (!target) return undefined;
        const newName = params.newName;
        this.refuseIfInvalid(target.node, newName);
        const changes: Record<string, TextEdit[]> = {};
        const add = (uri: string, range: Range, newText: string) => (changes[uri] ??= []).push({ range, newText });

        const nameNode = this.nameProvider.getNameNode(target.node);
        if (nameNode) add(AstUtils.getDocument(target.node).uri.toString(), nameNode.range, newName);
        for (const ref of this.referencesTo(target.node)) {
            const part = this.qualifiedPart(ref, isKnoop(target.node) ? 'node' : undefined);
            add(ref.sourceUri.toString(), part ?? ref.segment.range, newName);
        }
        // A tree's name is also the first part of `Boom.Knoop` wherever its nodes are referred to.
        if (isBeslisboom(target.node)) {
            for (const knoop of target.node.knopen) {
                for (const ref of this.referencesTo(knoop)) {
                    const part = this.qualifiedPart(ref, 'tree');
                    if (part) add(ref.sourceUri.toString(), part, newName);
                }
            }
        }
        return { changes };
    }

    /** The element to rename at a position: a declaration's name, or a reference (either part of `Boom.Knoop`). */
    private targetAt(document: LangiumDocument, position: Position): RenameTarget | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!leaf) return undefined;
        const declared = this.references.findDeclarations(leaf)[0];
        if (!declared || !elementKind(declared.$type) || declared.$type === 'Scenario') return undefined;
        if (this.isNameNode(leaf)) return { node: declared, range: leaf.range };
        // A qualified reference: the part before the dot names the tree.
        if (isKnoop(declared) && isTreePartOfQualifiedReference(leaf)) {
            return { node: declared.$container, range: leaf.range };
        }
        return { node: declared, range: leaf.range };
    }

    private referencesTo(node: AstNode): ReferenceDescription[] {
        return this.references.findReferences(node, { includeDeclaration: false }).toArray();
    }

    /**
     * The range of one part of a qualified reference `Boom.Knoop`: the node part, or the tree part.
     * Undefined for a plain reference (for `tree`: there is nothing to change).
     */
    private qualifiedPart(ref: ReferenceDescription, part: 'node' | 'tree' | undefined): Range | undefined {
        if (!part) return undefined;
        const document = this.documents.getDocument(ref.sourceUri);
        if (!document) return undefined;
        const text = document.textDocument.getText(ref.segment.range);
        const dot = text.indexOf('.');
        if (dot < 0) return undefined;
        const start = ref.segment.offset;
        const at = (offset: number) => document.textDocument.positionAt(offset);
        return part === 'node'
            ? { start: at(start + dot + 1), end: at(ref.segment.end) }
            : { start: at(start), end: at(start + dot) };
    }

    private refuseIfInvalid(node: AstNode, newName: string): void {
        const t = this.t;
        if (this.keywords.has(newName)) refuse(t.renameKeyword({ naam: newName }));
        if (!this.idPattern.test(newName)) refuse(t.renameInvalid({ naam: newName }));
        const current = (node as { name?: string }).name;
        if (newName === current) return;
        if (isKnoop(node)) {
            const boom = node.$container;
            if (boom.knopen.some(k => k !== node && k.name === newName)) refuse(t.renameTakenInTree({ naam: newName, boom: boom.name }));
            // `zie NewName` in this tree points at a top-level element now, and would point at this node.
            if (seeAlsoIn(boom).some(ref => ref === newName)) refuse(t.renameCaptured({ naam: newName, boom: boom.name }));
            return;
        }
        if (isInvoer(node) || isTussenwaarde(node)) {
            // The names of a calculation are its own: they need only be unique within it.
            const berekening = node.$container;
            if ([...berekening.invoer, ...berekening.waarden].some(n => n !== node && n.name === newName)) {
                refuse(t.renameTakenInCalculation({ naam: newName, berekening: berekening.name }));
            }
            return;
        }
        const taken = this.services.shared.workspace.IndexManager.allElements().find(d => d.name === newName);
        if (taken) {
            const kind = elementKind(taken.type);
            refuse(t.renameTakenTopLevel({ naam: newName, soort: kind ? t[kind.word]() : taken.type }));
        }
        // An unqualified `zie Old` inside a tree that has a node `NewName` would then point at that node.
        for (const ref of this.referencesTo(node)) {
            const boom = this.treeOfReference(ref);
            if (boom?.knopen.some(k => k.name === newName)) refuse(t.renameCaptured({ naam: newName, boom: boom.name }));
        }
    }

    private treeOfReference(ref: ReferenceDescription): Beslisboom | undefined {
        const document = this.documents.getDocument(ref.sourceUri);
        if (!document) return undefined;
        const source = this.services.workspace.AstNodeLocator.getAstNode(document.parseResult.value, ref.sourcePath);
        return AstUtils.getContainerOfType(source, isBeslisboom);
    }
}

function refuse(message: string): never {
    throw new ResponseError(LSPErrorCodes.RequestFailed, message);
}

/** The unqualified `zie` names written in a tree's nodes. */
function seeAlsoIn(boom: Beslisboom): string[] {
    return boom.knopen.flatMap((k: Knoop) => (isAdvies(k) || isStap(k) ? k.zie : []).map(z => z.$refText).filter(n => !n.includes('.')));
}
