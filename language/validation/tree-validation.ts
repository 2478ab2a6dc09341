import type { ValidationAcceptor } from 'langium';
import type { Beslisboom, Stap, Vraag } from '../generated/ast.js';
import { findCycles, reachableNodes, startNode } from '../model/tree-graph.js';
import type { CheckContext } from './check-context.js';
import { IssueCodes } from './codes.js';

/** HRK010: a tree needs at least one node to start from. */
export function treeMustHaveNodes(boom: Beslisboom, accept: ValidationAcceptor, ctx: CheckContext): void {
    if (!boom.name || boom.knopen.length > 0) return;
    accept('error', ctx.t('treeWithoutNodes', { boom: boom.name }), {
        node: boom, property: 'name', code: IssueCodes.TreeWithoutNodesOrStart
    });
}

/** HRK011: every node must be reachable from the start; the message names the tree. */
export function nodesShouldBeReachable(boom: Beslisboom, accept: ValidationAcceptor, ctx: CheckContext): void {
    const start = startNode(boom);
    // An unresolved `start` is reported as HRK010; every node would look unreachable then.
    if (!start || (boom.start && !boom.start.ref)) return;
    const reachable = reachableNodes(boom);
    for (const knoop of boom.knopen) {
        if (!knoop.name || reachable.has(knoop)) continue;
        accept('warning', ctx.t('unreachable', { knoop: knoop.name, boom: boom.name, start: start.name }), {
            node: knoop, property: 'name', code: IssueCodes.UnreachableNode,
            data: { knoop: knoop.name }
        });
    }
}

/** HRK012: a decision tree is a directed acyclic graph; each loop is reported at the arrow closing it. */
export function treeMustNotHaveCycles(boom: Beslisboom, accept: ValidationAcceptor, ctx: CheckContext): void {
    for (const cycle of findCycles(boom)) {
        const lus = cycle.loop.map(k => k.name).join(' → ');
        const { node, property, index } = cycle.closingEdge.source;
        accept('error', ctx.t('cycle', { lus, boom: boom.name }), {
            node, property, index, code: IssueCodes.Cycle
        });
    }
}

/** HRK013: at least two answers, each once, and `ja` always with `nee`. */
export function questionMustHaveProperAnswers(vraag: Vraag, accept: ValidationAcceptor, ctx: CheckContext): void {
    if (!vraag.name) return;
    if (vraag.antwoorden.length < 2) {
        accept('error', ctx.t('tooFewAnswers', { vraag: vraag.name, aantal: vraag.antwoorden.length }), {
            node: vraag, property: 'name', code: IssueCodes.BadAnswers,
            data: { missing: missingYesNo(vraag) }
        });
    }
    const seen = new Set<string>();
    for (const antwoord of vraag.antwoorden) {
        const key = antwoord.soort ?? `"${antwoord.label ?? ''}"`;
        if (seen.has(key)) {
            accept('error', ctx.t('repeatedAnswer', { antwoord: antwoord.soort ? `‘${key}’` : key, vraag: vraag.name }), {
                node: antwoord, property: antwoord.soort ? 'soort' : 'label', code: IssueCodes.BadAnswers
            });
        }
        seen.add(key);
    }
    const missing = missingYesNo(vraag);
    if (missing && vraag.antwoorden.length >= 2) {
        const present = missing === 'nee' ? 'ja' : 'nee';
        const antwoord = vraag.antwoorden.find(a => a.soort === present)!;
        accept('error', ctx.t('jaWithoutNee', { vraag: vraag.name, aanwezig: present, ontbreekt: missing }), {
            node: antwoord, property: 'soort', code: IssueCodes.BadAnswers,
            data: { missing }
        });
    }
}

/** Which of `ja`/`nee` is missing when only the other is given. */
function missingYesNo(vraag: Vraag): 'ja' | 'nee' | undefined {
    const ja = vraag.antwoorden.some(a => a.soort === 'ja');
    const nee = vraag.antwoorden.some(a => a.soort === 'nee');
    if (ja && !nee) return 'nee';
    if (nee && !ja) return 'ja';
    return undefined;
}

/** HRK014: a question whose answers all lead to one node decides nothing. */
export function answersShouldDiffer(vraag: Vraag, accept: ValidationAcceptor, ctx: CheckContext): void {
    if (!vraag.name || vraag.antwoorden.length < 2) return;
    const targets = vraag.antwoorden.map(a => a.doel?.ref);
    const first = targets[0];
    if (!first || targets.some(t => t !== first)) return;
    accept('warning', ctx.t('allAnswersSame', { vraag: vraag.name, doel: first.name }), {
        node: vraag, property: 'name', code: IssueCodes.AllAnswersSame
    });
}

/** HRK015: every path ends at an advice, so a step must lead on. */
export function stepMustHaveNext(stap: Stap, accept: ValidationAcceptor, ctx: CheckContext): void {
    if (!stap.name || stap.volgende) return;
    accept('error', ctx.t('stepWithoutNext', { stap: stap.name }), {
        node: stap, property: 'name', code: IssueCodes.PathWithoutAdvice
    });
}
