import { describe, expect, test } from 'vitest';
import { tempFolder } from '../support/temp-dir.js';
import { handreiking } from '../support/cli.js';

/** `handreiking test --dekking` as a spawned process: the figures per tree, the gaps with their shortest paths, the threshold. */

const guide = `beslisboom Bewoners "Bewonersbeheer" {
    vraag Stabiel "Is de groep stabiel?" {
        ja  -> Door
        nee -> Onenigheid
    }
    vraag Onenigheid "Is er onenigheid?" {
        ja  -> Bemiddeling
        nee -> Vergrijzing
    }
    vraag Vergrijzing "Is er vergrijzing?" {
        antwoord "ja, sterk" -> Senioren
        nee -> Gesprek
    }
    advies Bemiddeling "Zet buurtbemiddeling in" {
        daarna -> Gesprek
    }
    advies Senioren "Richt de ruimte in voor senioren"
    advies Gesprek "Ga in gesprek"
    advies Door "Ga zo door"
}
scenario "stabiel" {
    beslisboom Bewoners
    Stabiel: ja
    verwacht Door
}
scenario "onenigheid" {
    beslisboom Bewoners
    Stabiel: nee
    Onenigheid: ja
    langs Bemiddeling
    verwacht Gesprek
}
`;

describe('handreiking test --dekking', () => {
    test('the example guide: every answer, question and advice is reached; the summary line comes before the scenarios line', () => {
        const r = handreiking(['test', 'examples', '--dekking']);
        expect(r.code).toBe(0);
        const lines = r.stdout.trimEnd().split('\n');
        expect(lines).toContain('Dekking door de scenario’s:');
        expect(lines).toContain('  Beslisboom ‘Bewonersbeheer’: antwoorden 100,0% (14 van 14), vragen 100,0% (7 van 7), adviezen 100,0% (6 van 6)');
        expect(lines.at(-2)).toMatch(/^Dekking: answers 100\.0% \((\d+) of \1\), questions 100\.0% \((\d+) of \2\), advices 100\.0% \((\d+) of \3\)$/);
        expect(lines.at(-1)).toMatch(/^Scenario's: \d+ passed, 0 failed$/);
        expect(lines.some(l => l.includes('niet gedekt'))).toBe(false);
    });

    test('each answer and advice no scenario reaches, with the shortest path that would', () => {
        const dir = tempFolder('hrk-dekking-', { 'b.hrk': guide });
        const r = handreiking(['test', '.', '--dekking'], dir);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain([
            'Dekking door de scenario’s:',
            '  Beslisboom ‘Bewoners’: antwoorden 50,0% (3 van 6), vragen 66,6% (2 van 3), adviezen 75,0% (3 van 4)',
            // Two paths are as short; the first answer written wins.
            '    niet gedekt: ‘Onenigheid’ nee — kortste pad: Stabiel: nee → Onenigheid: nee → Vergrijzing: ja, sterk → Senioren',
            '    niet gedekt: ‘Vergrijzing’ “ja, sterk” — kortste pad: Stabiel: nee → Onenigheid: nee → Vergrijzing: ja, sterk → Senioren',
            '    niet gedekt: ‘Vergrijzing’ nee — kortste pad: Stabiel: nee → Onenigheid: nee → Vergrijzing: nee → Gesprek',
            '    niet gedekt: advies ‘Senioren’ — kortste pad: Stabiel: nee → Onenigheid: nee → Vergrijzing: ja, sterk → Senioren',
            'Dekking: answers 50.0% (3 of 6), questions 66.6% (2 of 3), advices 75.0% (3 of 4)',
            "Scenario's: 2 passed, 0 failed"
        ].join('\n'));
    });

    test('--min-dekking fails below the threshold (exit 1) and passes at or above it', () => {
        const dir = tempFolder('hrk-dekking-', { 'b.hrk': guide });
        const below = handreiking(['test', '.', '--dekking', '--min-dekking', '90'], dir);
        expect(below.code).toBe(1);
        expect(below.stdout).toContain('Beslisboom ‘Bewoners’: 50,0% van de antwoorden gedekt, minder dan de vereiste 90%.\n');
        // --min-dekking alone reports the coverage as well.
        const enough = handreiking(['test', '.', '--min-dekking', '50'], dir);
        expect(enough.code).toBe(0);
        expect(enough.stdout).toContain('Dekking: answers 50.0%');
        const en = handreiking(['test', '.', '--min-dekking', '90', '--lang', 'en'], dir);
        expect(en.stdout).toContain('Decision tree ‘Bewoners’: 50.0% of the answers covered, less than the required 90%.\n');
        expect(en.stdout).toContain('    not covered: advice ‘Senioren’ — shortest path: Stabiel: nee → Onenigheid: nee → Vergrijzing: ja, sterk → Senioren\n');
        expect(en.stdout).toContain('Coverage: answers 50.0% (3 of 6)');
    });

    test('--min-dekking that is not a percentage is a usage error', () => {
        for (const value of ['veel', '101', '-5']) {
            const r = handreiking(['test', 'examples', `--min-dekking=${value}`]);
            expect(r.code).toBe(2);
            expect(r.stderr).toBe(`‘${value}’ is geen percentage: geef een getal van 0 tot en met 100, bijvoorbeeld --min-dekking 90.\n`);
        }
    });

    test('--format json: the scenarios, the coverage per tree with the paths of the gaps, and the trees below the minimum', () => {
        const dir = tempFolder('hrk-dekking-', { 'b.hrk': guide });
        const r = handreiking(['test', '.', '--dekking', '--min-dekking', '90', '--format', 'json'], dir);
        expect(r.code).toBe(1);
        const json = JSON.parse(r.stdout);
        expect(json).toMatchObject({ formatVersion: 1, passed: 2, failed: 0, minimum: 90, belowMinimum: ['Bewoners'] });
        expect(json.scenarios[0]).toMatchObject({ name: 'stabiel', tree: 'Bewoners', passed: true, status: 'advice', at: 'Door', source: { file: 'b.hrk', line: 21 } });
        const tree = json.coverage.trees[0];
        expect(tree).toMatchObject({
            tree: 'Bewoners',
            answers: { covered: 3, total: 6, percent: 50 },
            questions: { covered: 2, total: 3, percent: 66.6 },
            advices: { covered: 3, total: 4, percent: 75 }
        });
        expect(tree.uncovered.questions).toEqual(['Vergrijzing']);
        expect(tree.uncovered.advices).toEqual([{
            node: 'Senioren',
            path: {
                answers: [{ question: 'Stabiel', answer: 'nee' }, { question: 'Onenigheid', answer: 'nee' }, { question: 'Vergrijzing', answer: 'ja, sterk' }],
                nodes: ['Stabiel', 'Onenigheid', 'Vergrijzing', 'Senioren'],
                status: 'advice',
                at: 'Senioren'
            }
        }]);
        expect(json.coverage.total.answers).toEqual({ covered: 3, total: 6, percent: 50 });
    });
});
