import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, Range } from 'vscode-languageserver';
import { isBerekening, isBeslisboom, isGids, isTypologie, type Berekening, type Beslisboom, type Typologie } from '../../generated/ast.js';
import type { HandreikingServices } from '../../handreiking-module.js';
import { declaredUnit } from '../../calculation/analysis.js';
import { isPlain, unitSource } from '../../calculation/units.js';
import { lspTexts, type LspCatalogue } from '../lsp-messages.js';
import type { CalculationInput } from '../protocol.js';
import { ClientCommands } from './client-commands.js';
import { typologyFunding } from '../typology-funding.js';

/**
 * Lenses above each tree (open its diagram, walk through it, run the scenarios that test it), above
 * each calculation (compute it with numbers the reader types, run the scenarios that test it), and
 * above each typology (how many funding sources apply, and which of them are structural — the
 * guide's "financiering sluitend"). The counts are workspace-wide, as in the checks.
 */
export class HandreikingCodeLensProvider implements CodeLensProvider {
    private readonly services: HandreikingServices;

    constructor(services: HandreikingServices) {
        this.services = services;
    }

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const root = document.parseResult.value;
        if (!isGids(root)) return [];
        const t = lspTexts(this.services.i18n.Locale.lang);
        const uri = document.textDocument.uri;
        const lenses: CodeLens[] = [];
        for (const element of root.elementen) {
            const range = this.services.references.NameProvider.getNameNode(element)?.range;
            if (!range || !element.name) continue;
            if (isBeslisboom(element)) lenses.push(...this.treeLenses(element, range, uri, t));
            if (isTypologie(element)) lenses.push(this.fundingLens(element, range, t));
            if (isBerekening(element)) lenses.push(...this.calculationLenses(element, range, uri, t));
        }
        return lenses;
    }

    private treeLenses(boom: Beslisboom, range: Range, uri: string, t: LspCatalogue): CodeLens[] {
        const aantal = this.services.handreiking.WorkspaceModel.scenarios().filter(s => s.boom?.ref === boom).length;
        return [
            { range, command: { title: t.lensDiagram(), command: ClientCommands.openPreviewToSide, arguments: [uri] } },
            { range, command: { title: t.lensWalk(), command: ClientCommands.walkthrough, arguments: [uri, boom.name] } },
            { range, command: { title: t.lensScenarios({ aantal }), command: ClientCommands.runScenarios } }
        ];
    }

    /** "Bereken…" (asks for each input and shows the outcome), and how many scenarios test the calculation. */
    private calculationLenses(berekening: Berekening, range: Range, uri: string, t: LspCatalogue): CodeLens[] {
        const aantal = this.services.handreiking.WorkspaceModel.scenarios().filter(s => s.berekening?.ref === berekening).length;
        const inputs: CalculationInput[] = berekening.invoer.filter(i => i.name).map(i => {
            const unit = declaredUnit(i.eenheid);
            return { id: i.name, title: i.titel ?? '', ...(unit && !isPlain(unit) ? { unit: unitSource(unit) } : {}), optional: i.optioneel };
        });
        return [
            { range, command: { title: t.lensCalculate(), command: ClientCommands.calculate, arguments: [uri, berekening.name, inputs, berekening.titel || berekening.name] } },
            { range, command: { title: t.lensScenarios({ aantal }), command: ClientCommands.runScenarios } }
        ];
    }

    private fundingLens(typologie: Typologie, range: Range, t: LspCatalogue): CodeLens {
        return { range, command: { title: typologyFunding(this.services.handreiking.WorkspaceModel, typologie, t), command: ClientCommands.noop } };
    }
}
