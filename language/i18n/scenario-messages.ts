import type { Lang } from './locale.js';

/**
 * Why a scenario failed, line by line, in Dutch and English: the command line's `test`, the
 * Testing view of the editor and the fuzzer show the same lines (walkthrough/run-scenarios.ts).
 * The labels are padded to one width so the values line up under each other.
 */
const nl = {
    treeMissing: (tree: string) => `beslisboom ‘${tree}’ bestaat niet`,
    expected: (advice: string) => `verwacht: ${advice}`,
    reachedAdvice: (advice: string) => `bereikt:  ${advice}`,
    noAnswer: (question: string) => `gestopt bij vraag ‘${question}’: het scenario geeft daar geen antwoord`,
    unknownAnswer: (question: string, answer: string) => `gestopt bij vraag ‘${question}’: die vraag heeft geen antwoord ‘${answer}’`,
    deadEnd: (node: string) => `gestopt bij ‘${node}’: daar gaat het pad niet verder`,
    cycle: (node: string) => `kringloop: het pad komt opnieuw bij ‘${node}’`,
    unused: (questions: string) => `niet gevraagd onderweg: ${questions}`,
    notPassed: (node: string) => `langs:    het pad komt niet langs ‘${node}’`,
    passedOutOfOrder: (node: string, after: string) => `langs:    het pad komt wel langs ‘${node}’, maar niet ná ‘${after}’ (verkeerde volgorde)`,
    path: (path: string) => `pad:      ${path}`
};

const en: typeof nl = {
    treeMissing: tree => `decision tree ‘${tree}’ does not exist`,
    expected: advice => `expected: ${advice}`,
    reachedAdvice: advice => `reached:  ${advice}`,
    noAnswer: question => `stopped at question ‘${question}’: the scenario gives no answer there`,
    unknownAnswer: (question, answer) => `stopped at question ‘${question}’: it has no answer ‘${answer}’`,
    deadEnd: node => `stopped at ‘${node}’: the path does not go on from there`,
    cycle: node => `cycle: the path comes back to ‘${node}’`,
    unused: questions => `not asked on the way: ${questions}`,
    notPassed: node => `passes:   the path does not pass ‘${node}’`,
    passedOutOfOrder: (node, after) => `passes:   the path passes ‘${node}’, but not after ‘${after}’ (wrong order)`,
    path: path => `path:     ${path}`
};

export type ScenarioTexts = typeof nl;

/** The scenario-failure texts in language `lang`. */
export function scenarioTexts(lang: Lang): ScenarioTexts {
    return lang === 'en' ? en : nl;
}
