import { AstUtils, type ValidationAcceptor } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { isScenario, type Beslisboom, type Gids } from '../generated/ast.js';
import type { CheckContext } from './check-context.js';
import { IssueCodes } from './codes.js';
import { MAX_DIAGNOSTICS_PER_CODE } from './handreiking-document-validator.js';

/** How many other places of a duplicate name one diagnostic lists. */
export const MAX_RELATED = 20;

/**
 * HRK001. Top-level names share one namespace across the workspace (a `zie` may point at any kind),
 * so they are compared with the index of every loaded file in one pass per document.
 */
export function topLevelNamesMustBeUnique(gids: Gids, accept: ValidationAcceptor, ctx: CheckContext): void {
    const document = AstUtils.getDocument(gids);
    const byName = ctx.services.handreiking.WorkspaceModel.topLevelNames();
    const ownUri = document.uri.toString();
    // Whether all places of a name are in this file, once per name: per element it was quadratic
    // in the number of times a name is defined.
    const inThisFileOnly = new Map<string, boolean>();
    const soort = ctx.t('kindTopLevel');
    const inFile = ctx.t('inFile');
    const inWorkspace = ctx.t('inWorkspace');
    let reported = 0;
    for (const element of gids.elementen) {
        if (isScenario(element) || !element.name) continue;
        const occurrences = byName.get(element.name) ?? [];
        if (occurrences.length < 2) continue;
        // Past the cap per code the document validator only counts these (the first one left out
        // becomes the count): no message or related places need to be made for them.
        if (++reported > MAX_DIAGNOSTICS_PER_CODE) {
            accept('error', '', { node: element, property: 'name', code: IssueCodes.DuplicateName });
            continue;
        }
        const ownRange = element.$cstNode && ctx.services.references.NameProvider.getNameNode(element)?.range;
        let sameFile = inThisFileOnly.get(element.name);
        if (sameFile === undefined) inThisFileOnly.set(element.name, sameFile = occurrences.every(o => o.uri === ownUri));
        // At most MAX_RELATED other places: a name defined n times would otherwise carry n² of them
        // in all (gigabytes for a file of thousands of copies) to the editor.
        const others: typeof occurrences = [];
        for (const o of occurrences) {
            if (others.length >= MAX_RELATED) break;
            if (o.range && !(o.uri === ownUri && ownRange && sameStart(o.range, ownRange))) others.push(o);
        }
        accept('error', ctx.t('duplicateName', {
            naam: element.name,
            soort,
            waar: sameFile ? inFile : inWorkspace
        }), {
            node: element,
            property: 'name',
            code: IssueCodes.DuplicateName,
            relatedInformation: others.map(o => related(o.uri, o.range!, ctx.t('duplicateNameElsewhere')))
        });
    }
}

/** HRK001 for nodes: names are unique within their tree. */
export function nodeNamesMustBeUniqueInTree(boom: Beslisboom, accept: ValidationAcceptor, ctx: CheckContext): void {
    reportDuplicates(boom.knopen, accept, ctx, ctx.t('kindNode'), ctx.t('inTree', { boom: boom.name }));
}

/** HRK001 for scenarios: their names identify them in the Testing view and the runner's output. */
export function scenarioNamesMustBeUniqueInFile(gids: Gids, accept: ValidationAcceptor, ctx: CheckContext): void {
    reportDuplicates(gids.elementen.filter(isScenario), accept, ctx, ctx.t('kindScenario'), ctx.t('inFile'));
}

export function reportDuplicates(elements: Array<{ name: string } & import('langium').AstNode>, accept: ValidationAcceptor, ctx: CheckContext, soort: string, waar: string): void {
    const first = new Map<string, import('langium').AstNode>();
    for (const element of elements) {
        if (!element.name) continue;
        const earlier = first.get(element.name);
        if (!earlier) {
            first.set(element.name, element);
            continue;
        }
        const earlierName = ctx.services.references.NameProvider.getNameNode(earlier);
        const uri = AstUtils.getDocument(element).uri.toString();
        accept('error', ctx.t('duplicateName', { naam: element.name, soort, waar }), {
            node: element,
            property: 'name',
            code: IssueCodes.DuplicateName,
            relatedInformation: earlierName ? [related(uri, earlierName.range, ctx.t('duplicateNameElsewhere'))] : []
        });
    }
}

function related(uri: string, range: import('vscode-languageserver-types').Range, text: string): DiagnosticRelatedInformation {
    return { location: { uri, range }, message: text };
}

function sameStart(a: import('vscode-languageserver-types').Range, b: import('vscode-languageserver-types').Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character;
}
