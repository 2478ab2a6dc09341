import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type DocumentationProvider, type LangiumDocument, type MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
    isAdvies, isBerekening, isBeslisboom, isFinanciering, isInvoer, isKenmerk, isKnoop, isScenario, isStap, isTussenwaarde, isTypologie, isVraag,
    type Berekening, type Beslisboom, type Financiering, type Kenmerk, type Knoop, type Scenario, type Tussenwaarde, type Typologie
} from '../../generated/ast.js';
import { analyseCalculation, declaredUnit } from '../../calculation/analysis.js';
import { evaluateCalculation, type CalculationRun } from '../../calculation/evaluate.js';
import { formatNumber, formatQuantity, withUnit } from '../../calculation/format.js';
import { Rational } from '../../calculation/rational.js';
import { describeOutcome } from '../../calculation/run-calculation-scenarios.js';
import { isPlain, PLAIN, unitSource, type Unit } from '../../calculation/units.js';
import { calculationLabels } from '../../calculation/explain.js';
import { calculationScenarioOutcome } from '../../calculation/scenario-outcome.js';
import { calculationScenarioJson, isCalculationScenario } from '../../generation/json/calculation-json.js';
import type { CalculationJson } from '../../generation/json/handreiking-json.js';
import { calculationJson, sourceOf } from '../../generation/json/to-json.js';
import { jsonContext } from '../../generation/json/export-json.js';
import type { HandreikingServices } from '../../handreiking-module.js';
import { resolveApplicability, valueOf } from '../../model/funding.js';
import { countPaths } from '../../model/path-count.js';
import { startNode } from '../../model/tree-graph.js';
import { effectiveHerkomst, isContentElement, type EffectiveHerkomst } from '../../provenance/herkomst.js';
import { elementKind } from '../node-kinds/element-kinds.js';
import { lspTexts, type LspCatalogue } from '../lsp-messages.js';
import { plainLine, plainText, shorten } from '../markdown.js';
import { isTreePartOfQualifiedReference } from '../qualified-reference.js';
import { typologyFunding } from '../typology-funding.js';

/**
 * Hover on a name or a reference: what the element is (kind, name, title or text), its
 * documentation comment, and what the guide derives from it — a question's answers and the paths
 * through it, a typology's characteristics, a funding rule's term and the typologies it applies to.
 * Every text from the file goes in through `plainText`/`plainLine` (markdown.ts), the comment too
 * (HandreikingDocumentationProvider), so a hover cannot load, link or run anything; names go in
 * code spans, which is safe because a name (ID) cannot hold a backtick.
 */
export class HandreikingHoverProvider extends AstNodeHoverProvider {
    private readonly services: HandreikingServices;
    private readonly documentation: DocumentationProvider;

    constructor(services: HandreikingServices) {
        super(services);
        this.services = services;
        this.documentation = services.documentation.DocumentationProvider;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        // On `Boom` in `Boom.Knoop`, the tree (as go to definition and rename take it).
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        if (leaf && isTreePartOfQualifiedReference(leaf)) {
            const knoop = this.references.findDeclarations(leaf)[0];
            const content = isKnoop(knoop) ? await this.getAstNodeHoverContent(knoop.$container) : undefined;
            if (content) return { contents: { kind: 'markdown', value: content } };
        }
        // On a calculation scenario's `berekening X` line, what the scenario computes (not the
        // calculation's own hover): that is what the reader looking at the scenario wants to know.
        const scenario = leaf && isScenario(leaf.astNode) && isCalculationScenario(leaf.astNode) ? leaf.astNode : undefined;
        const line = scenario && GrammarUtils.findNodeForProperty(scenario.$cstNode, 'berekening')?.range.start.line;
        if (scenario && leaf && line === leaf.range.start.line) {
            const content = await this.getAstNodeHoverContent(scenario);
            if (content) return { contents: { kind: 'markdown', value: content } };
        }
        return super.getHoverContent(document, params);
    }

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const kind = elementKind(node.$type);
        if (!kind) return undefined;
        const t = lspTexts(this.services.i18n.Locale.lang);
        const parts = [this.heading(node, t[kind.word]())];
        const text = titleOf(node);
        if (text) parts.push(plainText(text));
        const doc = this.documentation.getDocumentation(node);
        if (doc) parts.push(doc);
        parts.push(...this.details(node, t));
        // Unmarked content says nothing here: HRK060 already points at it.
        if (isContentElement(node)) parts.push(herkomstLine(effectiveHerkomst(node), t));
        return parts.filter(p => p.length > 0).join('\n\n');
    }

    /** The new keywords explain themselves: `herkomst` and its kinds, and a scenario's `langs`. */
    override getKeywordHoverContent(keyword: GrammarAST.Keyword): MaybePromise<Hover | undefined> {
        const t = lspTexts(this.services.i18n.Locale.lang);
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        const texts: Record<string, () => string> = rule === 'HerkomstSoort'
            ? { handreiking: t.keywordHandreiking, bron: t.keywordBron, gereconstrueerd: t.keywordGereconstrueerd, illustratief: t.keywordIllustratief }
            : { herkomst: t.keywordHerkomst, langs: t.keywordLangs };
        const text = texts[keyword.value];
        return text ? { contents: { kind: 'markdown', value: text() } } : super.getKeywordHoverContent(keyword);
    }

    private heading(node: AstNode, soort: string): string {
        const name = (node as { name?: string }).name ?? '';
        const head = isScenario(node) ? `**${soort}** “${plainLine(name)}”` : `**${soort}** \`${name}\``;
        const boom = isKnoop(node) ? AstUtils.getContainerOfType(node, isBeslisboom) : undefined;
        const t = lspTexts(this.services.i18n.Locale.lang);
        if (isInvoer(node) || isTussenwaarde(node)) return `${head} ${t.hoverInCalculation({ berekening: node.$container.name })}`;
        return boom ? `${head} ${t.hoverInTree({ boom: boom.name })}` : head;
    }

    private details(node: AstNode, t: LspCatalogue): string[] {
        if (isKnoop(node)) return this.knoopDetails(node, t);
        if (isTypologie(node)) return [this.characteristics(node, t), plainLine(typologyFunding(this.services.handreiking.WorkspaceModel, node, t))];
        if (isFinanciering(node)) return this.fundingDetails(node, t);
        if (isKenmerk(node)) return [kenmerkScale(node, t)];
        if (isBeslisboom(node)) return [treeSummary(node, t)];
        if (isScenario(node)) return isCalculationScenario(node) ? this.calculationScenarioDetails(node, t) : [scenarioSummary(node, t)];
        if (isBerekening(node)) return this.calculationDetails(node, t);
        if (isInvoer(node)) return [t.hoverUnit({ eenheid: unitText(declaredUnit(node.eenheid) ?? PLAIN, t) }) + (node.optioneel ? ` (${t.hoverOptional()})` : '')];
        if (isTussenwaarde(node)) return this.valueDetails(node, t);
        return [];
    }

    // ------------------------------------------------------------ calculations

    /** Its inputs and outcome, and what each of its scenarios computes. */
    private calculationDetails(berekening: Berekening, t: LspCatalogue): string[] {
        const lines: string[] = [];
        const inputs = berekening.invoer.filter(i => i.name).map(i => {
            const unit = declaredUnit(i.eenheid) ?? PLAIN;
            const notes = [...(isPlain(unit) ? [] : [unitText(unit, t)]), ...(i.optioneel ? [t.hoverOptional()] : [])];
            return `\`${i.name}\`${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
        });
        if (inputs.length > 0) lines.push(`${t.hoverInputs()}: ${inputs.join(', ')}`);
        const uitkomst = berekening.uitkomst[0];
        if (uitkomst) lines.push(t.hoverOutcome({ titel: plainLine(uitkomst.titel ?? ''), eenheid: unitText(declaredUnit(uitkomst.eenheid) ?? PLAIN, t) }));
        if (berekening.nietVanToepassing.length > 0) lines.push(t.hoverNotApplicable({ aantal: berekening.nietVanToepassing.length }));
        const scenarios = this.services.handreiking.WorkspaceModel.scenarios().filter(s => s.berekening?.ref === berekening);
        if (scenarios.length > 0) {
            const calc = this.calculationJson(berekening);
            const rows = scenarios.map(s => {
                const run = this.run(calc, s);
                return `| ${plainLine(s.name ?? '')} | ${plainLine(describeOutcome(run, this.services.i18n.Locale.lang))} | ${plainLine(this.expected(s))} |`;
            });
            lines.push([`| ${t.hoverScenarioColumn()} | ${t.hoverComputedColumn()} | ${t.hoverExpectedColumn()} |`, '|---|---|---|', ...rows].join('\n'));
        }
        return lines;
    }

    /**
     * The outcome for the scenario's inputs, whether it is what the scenario expects, the values on
     * the way and how it was computed: what the preview shows beside the scenario under the cursor
     * (calculationScenarioOutcome), inputs and values by their titles as the rekenhulp names them.
     */
    private calculationScenarioDetails(scenario: Scenario, t: LspCatalogue): string[] {
        const berekening = scenario.berekening?.ref;
        if (!berekening) return [];
        const lang = this.services.i18n.Locale.lang;
        const calc = this.calculationJson(berekening);
        const json = calculationScenarioJson(scenario, sourceOf(scenario, jsonContext(this.services)));
        const shown = calculationScenarioOutcome(json, calc, lang);
        const lines = [
            t.hoverCalculationScenario({ berekening: berekening.name, uitkomst: plainLine(shown.outcome) }),
            t.hoverExpected({ verwacht: plainLine(shown.expected), klopt: shown.passed })
        ];
        if (shown.inputs.length > 0) lines.push(`${t.hoverWith()}: ${shown.inputs.map(plainLine).join(', ')}`);
        const label = calculationLabels(calc);
        const run = this.run(calc, scenario);
        const values = run.values.flatMap(v => v.quantity ? [`${plainLine(label(v.id))} = ${plainLine(formatQuantity(v.quantity, lang))}`] : []);
        if (values.length > 0) lines.push(`${t.hoverValues()}: ${values.join(', ')}`);
        if (shown.steps.length > 0) lines.push(`${t.hoverHow()}: ${plainLine(shown.steps.join('; '))}`);
        return lines;
    }

    private valueDetails(waarde: Tussenwaarde, t: LspCatalogue): string[] {
        const unit = analyseCalculation(waarde.$container).valueUnits.get(waarde);
        return unit ? [t.hoverUnit({ eenheid: unitText(unit, t) })] : [];
    }

    private calculationJson(berekening: Berekening): CalculationJson {
        return calculationJson(berekening, jsonContext(this.services));
    }

    private run(calc: CalculationJson, scenario: Scenario): CalculationRun {
        const inputs = new Map<string, Rational>();
        for (const i of scenario.invoer) {
            const value = i.waarde?.waarde ? Rational.parseDutch(i.waarde.waarde, i.waarde.negatief) : undefined;
            if (value && i.invoer?.$refText) inputs.set(i.invoer.$refText, value);
        }
        return evaluateCalculation(calc, inputs);
    }

    /** What the scenario expects, as `describeOutcome` writes an outcome. */
    private expected(scenario: Scenario): string {
        const lang = this.services.i18n.Locale.lang;
        if (scenario.nietVanToepassing || !scenario.uitkomst) return describeOutcome({ status: 'notApplicable', index: 0, values: [] }, lang);
        const value = Rational.parseDutch(scenario.uitkomst.waarde, scenario.uitkomst.negatief);
        const unit = declaredUnit(scenario.berekening?.ref?.uitkomst[0]?.eenheid) ?? PLAIN;
        return value ? withUnit(formatNumber(value, lang), unit) : scenario.uitkomst.waarde;
    }

    private knoopDetails(knoop: Knoop, t: LspCatalogue): string[] {
        const lines: string[] = [];
        if (isVraag(knoop)) {
            const answers = knoop.antwoorden.map(a => `${a.soort ?? `“${plainLine(a.label ?? '')}”`} → \`${a.doel?.$refText ?? ''}\``);
            if (answers.length > 0) lines.push(`${t.hoverAnswers()}: ${answers.join(' · ')}`);
            const boom = knoop.$container;
            const counts = countPaths(boom);
            const via = counts.through.get(knoop);
            lines.push(via === undefined ? t.hoverUnreachable() : t.hoverPaths({ via, totaal: counts.total }));
        } else if (isStap(knoop) && knoop.volgende) {
            lines.push(t.hoverNext({ naam: knoop.volgende.$refText }));
        } else if (isAdvies(knoop)) {
            lines.push(knoop.daarna[0] ? t.hoverNext({ naam: knoop.daarna[0].$refText }) : t.hoverEnd());
        }
        return lines;
    }

    private characteristics(typologie: Typologie, t: LspCatalogue): string {
        const declared = this.services.handreiking.WorkspaceModel.kenmerken().map(k => k.name);
        const set = typologie.waarden.map(w => w.kenmerk?.$refText).filter((n): n is string => !!n);
        const names = [...new Set([...declared, ...set])];
        if (names.length === 0) return '';
        // A column of herkomst only where the typology's values say where they come from.
        const withHerkomst = typologie.waarden.some(w => effectiveHerkomst(w).soort);
        const rows = names.map(name => {
            const value = valueOf(typologie, name);
            const waarde = typologie.waarden.find(w => w.kenmerk?.$refText === name);
            const shown = value !== undefined ? plainLine(value) : waarde?.onbekend ? t.hoverUnknownValue() : t.hoverNoValue();
            if (!withHerkomst) return `| ${plainLine(name)} | ${shown} |`;
            const herkomst = waarde ? herkomstCell(effectiveHerkomst(waarde)) : '';
            return `| ${plainLine(name)} | ${shown} | ${herkomst} |`;
        });
        const header = withHerkomst ? [`| ${t.hoverCharacteristics()} | | ${t.hoverHerkomstColumn()} |`, '|---|---|---|'] : [`| ${t.hoverCharacteristics()} | |`, '|---|---|'];
        return [...header, ...rows].join('\n');
    }

    private fundingDetails(financiering: Financiering, t: LspCatalogue): string[] {
        const lines: string[] = [];
        const termijn = financiering.termijn[0];
        if (termijn) lines.push(t.hoverTerm({ termijn }));
        if (financiering.voor.length > 0) {
            const typologieen = resolveApplicability(financiering, this.services.handreiking.WorkspaceModel.typologieen());
            lines.push(typologieen.length > 0
                ? t.hoverAppliesTo({ lijst: typologieen.map(ty => `\`${ty.name}\``).join(', ') })
                : t.hoverAppliesToNone());
        }
        const datum = financiering.geldigTot[0];
        if (datum) lines.push(t.hoverValidUntil({ datum, vervallen: this.services.i18n.Clock.today() >= datum }));
        return lines;
    }
}

/** A unit in a hover: `euro`, `m2`, `euro per m2`, or "plain number". */
function unitText(unit: Unit, t: LspCatalogue): string {
    return isPlain(unit) ? t.hoverPlainNumber() : unitSource(unit);
}

/** `Herkomst: gereconstrueerd (…): reden`, with the reason as text. */
function herkomstLine(herkomst: EffectiveHerkomst, t: LspCatalogue): string {
    if (!herkomst.soort) return '';
    const inherited = herkomst.inherited ? ` (${t.hoverHerkomstInherited()})` : '';
    const tekst = herkomst.tekst?.trim() ? `: ${plainText(herkomst.tekst)}` : '';
    return `${t.hoverHerkomst()}: **${t.hoverHerkomstSoort({ soort: herkomst.soort })}**${inherited}${tekst}`;
}

/** A typology value's herkomst in a table cell: its kind, and its own text shortened to one line. */
function herkomstCell(herkomst: EffectiveHerkomst): string {
    if (!herkomst.soort) return '';
    const tekst = !herkomst.inherited && herkomst.tekst?.trim() ? `: ${plainLine(shorten(herkomst.tekst, 80))}` : '';
    return `${herkomst.soort}${tekst}`;
}

function titleOf(node: AstNode): string | undefined {
    if (isKnoop(node)) return node.tekst;
    const titel = (node as { titel?: unknown }).titel;
    return typeof titel === 'string' ? titel : undefined;
}

function kenmerkScale(kenmerk: Kenmerk, t: LspCatalogue): string {
    if (kenmerk.waarden.length === 0) return '';
    return `${t.hoverScale()}: ${kenmerk.waarden.map(w => `“${plainLine(w)}”`).join(' < ')}`;
}

function treeSummary(boom: Beslisboom, t: LspCatalogue): string {
    const start = startNode(boom);
    return start ? t.hoverTreeSummary({ knopen: boom.knopen.length, start: start.name }) : '';
}

function scenarioSummary(scenario: Scenario, t: LspCatalogue): string {
    const summary = t.hoverScenario({ boom: scenario.boom?.$refText ?? '', verwacht: scenario.verwacht?.$refText ?? '' });
    const langs = scenario.langs.map(ref => ref.$refText).filter(Boolean);
    return langs.length > 0 ? `${summary}\n\n${t.hoverScenarioPasses({ langs: langs.map(n => `\`${n}\``).join(' → ') })}` : summary;
}
