import { describe, expect, test } from 'vitest';
import { FORMAT_VERSION, type HandreikingJson, type ProvenanceJson, type ScenarioJson, type TreeJson } from '../../language/generation/json/handreiking-json.js';
import { explainFailure, runScenarios } from '../../language/walkthrough/run-scenarios.js';

/**
 * Why a scenario failed, as the command line's `test` and the editor's Testing view both say it:
 * the texts come from i18n/scenario-messages.ts in the language asked for.
 */

const src = { file: 'x.hrk', line: 1, column: 1, endLine: 1, endColumn: 2 };
const unmarked: ProvenanceJson = { kind: 'unmarked' };
const node = (id: string, kind: 'question' | 'advice' | 'step') => ({ id, kind, text: id, examples: [], links: [], reachable: true, source: src, provenance: unmarked });

/** Stabiel? ja → Stap → A; nee → Leeg (a step that goes nowhere). */
const tree: TreeJson = {
    id: 'T', title: 'T', start: 'Stabiel', source: src, provenance: unmarked,
    nodes: [node('Stabiel', 'question'), node('Stap', 'step'), node('A', 'advice'), node('Leeg', 'step')],
    edges: [
        { from: 'Stabiel', to: 'Stap', kind: 'answer', label: 'ja' },
        { from: 'Stabiel', to: 'Leeg', kind: 'answer', label: 'nee' },
        { from: 'Stap', to: 'A', kind: 'next' }
    ]
};

const scenario = (name: string, fields: Partial<ScenarioJson>): ScenarioJson =>
    ({ name, tree: 'T', answers: [], expected: 'A', source: src, ...fields });

const json: HandreikingJson = {
    formatVersion: FORMAT_VERSION, characteristics: [], typologies: [], trees: [tree], funding: [], stakeholders: [], chapters: [], calculations: [], calculationScenarios: [],
    scenarios: [
        scenario('geen boom', { tree: 'Weg' }),
        scenario('geen antwoord', {}),
        scenario('onbekend antwoord', { answers: [{ question: 'Stabiel', answer: 'misschien' }] }),
        scenario('doodlopend', { answers: [{ question: 'Stabiel', answer: 'nee' }] }),
        scenario('niet langs', { answers: [{ question: 'Stabiel', answer: 'ja' }, { question: 'Anders', answer: 'x' }], passes: ['Leeg'] }),
        scenario('verkeerde volgorde', { answers: [{ question: 'Stabiel', answer: 'ja' }], passes: ['A', 'Stap'] })
    ]
};

const explained = (lang: 'nl' | 'en') => Object.fromEntries(runScenarios(json).map(r => [r.scenario.name, explainFailure(r, lang)]));

describe('explaining a failed scenario', () => {
    test('in Dutch, line by line: expected, where it stopped or what it reached, what was wrong, the path', () => {
        expect(explained('nl')).toEqual({
            'geen boom': ['beslisboom ‘Weg’ bestaat niet'],
            'geen antwoord': ['verwacht: A', 'gestopt bij vraag ‘Stabiel’: het scenario geeft daar geen antwoord', 'pad:      Stabiel'],
            'onbekend antwoord': ['verwacht: A', 'gestopt bij vraag ‘Stabiel’: die vraag heeft geen antwoord ‘misschien’', 'pad:      Stabiel: misschien'],
            'doodlopend': ['verwacht: A', 'gestopt bij ‘Leeg’: daar gaat het pad niet verder', 'pad:      Stabiel: nee → Leeg'],
            'niet langs': ['verwacht: A', 'bereikt:  A', 'niet gevraagd onderweg: Anders', 'langs:    het pad komt niet langs ‘Leeg’', 'pad:      Stabiel: ja → Stap → A'],
            'verkeerde volgorde': ['verwacht: A', 'bereikt:  A', 'langs:    het pad komt wel langs ‘Stap’, maar niet ná ‘A’ (verkeerde volgorde)', 'pad:      Stabiel: ja → Stap → A']
        });
    });

    test('in English', () => {
        expect(explained('en')).toEqual({
            'geen boom': ['decision tree ‘Weg’ does not exist'],
            'geen antwoord': ['expected: A', 'stopped at question ‘Stabiel’: the scenario gives no answer there', 'path:     Stabiel'],
            'onbekend antwoord': ['expected: A', 'stopped at question ‘Stabiel’: it has no answer ‘misschien’', 'path:     Stabiel: misschien'],
            'doodlopend': ['expected: A', 'stopped at ‘Leeg’: the path does not go on from there', 'path:     Stabiel: nee → Leeg'],
            'niet langs': ['expected: A', 'reached:  A', 'not asked on the way: Anders', 'passes:   the path does not pass ‘Leeg’', 'path:     Stabiel: ja → Stap → A'],
            'verkeerde volgorde': ['expected: A', 'reached:  A', 'passes:   the path passes ‘Stap’, but not after ‘A’ (wrong order)', 'path:     Stabiel: ja → Stap → A']
        });
    });
});
