import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { HandreikingAstType } from '../generated/ast.js';
import type { HandreikingCoreServices } from '../handreiking-core-module.js';
import {
    calculationMustBeSound, calculationMustHaveOutcome, calculationNamesMustBeUnique, calculationScenarioMustGiveEachInputOnce
} from './calculation-validation.js';
import { CheckContext } from './check-context.js';
import { fundingMustSayWhereItApplies, fundingShouldApplyToSomeTypology, fundingShouldBeValid, typologyShouldHaveStructuralFunding } from './funding-validation.js';
import { nodeNamesMustBeUniqueInTree, scenarioNamesMustBeUniqueInFile, topLevelNamesMustBeUnique } from './names-validation.js';
import { fundingMustHaveTerm, propertiesMustNotRepeat } from './property-validation.js';
import { contentShouldSayWhereItComesFrom, fileHerkomstMustComeFirst, herkomstMustBeComplete } from './provenance-validation.js';
import { scenarioMustNameKnownAnswers, scenarioPassesMustNameEachNodeOnce } from './scenario-validation.js';
import {
    answersShouldDiffer, nodesShouldBeReachable, questionMustHaveProperAnswers, stepMustHaveNext,
    treeMustHaveNodes, treeMustNotHaveCycles
} from './tree-validation.js';
import { characteristicMustBeSetOnce, scaleMustBeProper, typologyShouldSetEveryCharacteristic, valueMustBeOnScale } from './typology-validation.js';

type Check<T extends AstNode> = (node: T, accept: ValidationAcceptor, ctx: CheckContext) => void;

/** Binds topic-file checks to the context they need. */
function bind<T extends AstNode>(ctx: CheckContext, ...checks: Array<Check<T>>): Array<(node: T, accept: ValidationAcceptor) => void> {
    return checks.map(check => (node: T, accept: ValidationAcceptor) => check(node, accept, ctx));
}

/**
 * The table of contents of the checks: which check runs on which element. Fast checks run as the
 * editor types; the slow ones look at the whole workspace and run on save and in the CLI.
 */
export function registerValidationChecks(services: HandreikingCoreServices): void {
    const registry = services.validation.ValidationRegistry;
    const ctx = new CheckContext(services);

    const fast: ValidationChecks<HandreikingAstType> = {
        Gids: bind(ctx, topLevelNamesMustBeUnique, scenarioNamesMustBeUniqueInFile, fileHerkomstMustComeFirst),
        Beslisboom: bind(ctx, treeMustHaveNodes, nodeNamesMustBeUniqueInTree, nodesShouldBeReachable, treeMustNotHaveCycles, propertiesMustNotRepeat,
            contentShouldSayWhereItComesFrom),
        Vraag: bind(ctx, questionMustHaveProperAnswers, answersShouldDiffer, propertiesMustNotRepeat),
        Stap: bind(ctx, stepMustHaveNext, propertiesMustNotRepeat),
        Advies: bind(ctx, propertiesMustNotRepeat),
        Kenmerk: bind(ctx, scaleMustBeProper),
        Typologie: bind(ctx, typologyShouldSetEveryCharacteristic, characteristicMustBeSetOnce, propertiesMustNotRepeat, contentShouldSayWhereItComesFrom),
        KenmerkWaarde: bind(ctx, valueMustBeOnScale),
        Vergelijking: bind(ctx, valueMustBeOnScale),
        Financiering: bind(ctx, fundingMustHaveTerm, fundingMustSayWhereItApplies, fundingShouldBeValid, propertiesMustNotRepeat,
            contentShouldSayWhereItComesFrom),
        Berekening: bind(ctx, calculationMustHaveOutcome, calculationNamesMustBeUnique, calculationMustBeSound, propertiesMustNotRepeat,
            contentShouldSayWhereItComesFrom),
        Partij: bind(ctx, propertiesMustNotRepeat, contentShouldSayWhereItComesFrom),
        Hoofdstuk: bind(ctx, propertiesMustNotRepeat, contentShouldSayWhereItComesFrom),
        Herkomst: bind(ctx, herkomstMustBeComplete),
        Scenario: bind(ctx, scenarioMustNameKnownAnswers, scenarioPassesMustNameEachNodeOnce, calculationScenarioMustGiveEachInputOnce)
    };
    registry.register(fast, undefined, 'fast');

    const slow: ValidationChecks<HandreikingAstType> = {
        Financiering: bind(ctx, fundingShouldApplyToSomeTypology),
        Typologie: bind(ctx, typologyShouldHaveStructuralFunding)
    };
    registry.register(slow, undefined, 'slow');
}
