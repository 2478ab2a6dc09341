import { describe, expect, test } from 'vitest';
import { tempFolder } from '../support/temp-dir.js';
import { handreiking } from '../support/cli.js';

/** `handreiking test` and `check` with calculations, as spawned processes (the way an editor's CI runs them). */

const soo = `berekening SooBijdrage "Bijdrage uit de SOO" {
    herkomst bron "https://wetten.overheid.nl/BWBR0045929"
    invoer oppervlakte "Bruto vloeroppervlak van de ruimte" in m2
    invoer woningen "Aantal woningen in de woonvorm"
    invoer bouwkosten "Bouwkosten" in euro, optioneel
    niet van toepassing als woningen < 5 "minder dan 5 woningen"
    plafond "Plafond" = als woningen <= 20 dan 100.000 euro anders als woningen <= 50 dan 150.000 euro anders 175.000 euro
    uitkomst "Bijdrage" in euro = minimum(2.500 euro per m2 * oppervlakte, plafond, bouwkosten)
}
`;

const scenarios = `scenario "SOO: 45 m², 16 woningen" {
    berekening SooBijdrage
    oppervlakte: 45
    woningen: 16
    verwacht 100000
}
scenario "SOO: plafond vergeten" {
    berekening SooBijdrage
    oppervlakte: 45
    woningen: 16
    verwacht 112.500
}
beslisboom Boom "Boom" {
    vraag V "v?" {
        ja  -> A
        nee -> B
    }
    advies A "a"
    advies B "b"
}
scenario "Boom: nee" { beslisboom Boom V: nee verwacht B }
scenario "SOO: 4 woningen" {
    berekening SooBijdrage
    oppervlakte: 30
    woningen: 4
    verwacht niet van toepassing
}
scenario "SOO: wel van toepassing?" {
    berekening SooBijdrage
    oppervlakte: 30
    woningen: 5
    verwacht niet van toepassing
}
`;

describe('handreiking test with calculations', () => {
    test('runs them beside the tree scenarios, in the order written; a failure shows expected, computed, the inputs and the values', () => {
        const dir = tempFolder('hrk-calc-', { 'a-soo.hrk': soo, 'b-scenarios.hrk': scenarios });
        const r = handreiking(['test', '.'], dir);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(1);
        expect(r.stdout).toBe([
            '✓ SOO: 45 m², 16 woningen (SooBijdrage → € 100 000)',
            '✗ SOO: plafond vergeten (b-scenarios.hrk:7)',
            '    verwacht: € 112 500',
            '    berekend: € 100 000',
            '    invoer:   Bruto vloeroppervlak van de ruimte = 45 m², Aantal woningen in de woonvorm = 16',
            '    waarden:  Plafond = € 100 000',
            '    uitleg:   Plafond (bij Aantal woningen in de woonvorm = 16): € 100 000; € 2 500 per m² × 45 m² = € 112 500; Bouwkosten: niet ingevuld, telt niet mee; het kleinste → € 100 000',
            '✓ Boom: nee (Boom → B)',
            '✓ SOO: 4 woningen (SooBijdrage → niet van toepassing)',
            '✗ SOO: wel van toepassing? (b-scenarios.hrk:28)',
            '    verwacht: niet van toepassing',
            '    berekend: € 75 000',
            '    invoer:   Bruto vloeroppervlak van de ruimte = 30 m², Aantal woningen in de woonvorm = 5',
            '    waarden:  Plafond = € 100 000',
            '    uitleg:   Plafond (bij Aantal woningen in de woonvorm = 5): € 100 000; € 2 500 per m² × 30 m² = € 75 000; Bouwkosten: niet ingevuld, telt niet mee; het kleinste → € 75 000',
            "Scenario's: 3 passed, 2 failed",
            ''
        ].join('\n'));
    });

    test('in English', () => {
        const dir = tempFolder('hrk-calc-', { 'a-soo.hrk': soo, 'b-scenarios.hrk': scenarios });
        const r = handreiking(['test', '.', '--lang', 'en'], dir);
        expect(r.stdout).toContain('✗ SOO: plafond vergeten (b-scenarios.hrk:7)\n    expected: € 112,500\n    computed: € 100,000\n    inputs:   Bruto vloeroppervlak van de ruimte = 45 m², Aantal woningen in de woonvorm = 16\n    values:   Plafond = € 100,000\n    how:      Plafond (bij');
        expect(r.stdout).toContain('✓ SOO: 4 woningen (SooBijdrage → not applicable)');
    });

    test('a calculation without an outcome for the inputs says why', () => {
        const dir = tempFolder('hrk-calc-', {
            'a.hrk': `berekening Deel "Per woning" {
    invoer bedrag "Bedrag" in euro
    invoer woningen "Woningen"
    uitkomst "Per woning" in euro = bedrag / woningen
}
scenario "Deel: nul woningen" {
    berekening Deel
    bedrag: 100
    woningen: 0
    verwacht 0
}
`
        });
        const r = handreiking(['test', '.'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('    verwacht: € 0\n    berekend: geen uitkomst: deling door nul\n');
        // The checker had warned: a division by something that can be zero is an error.
        const check = handreiking(['check', '.'], dir);
        expect(check.code).toBe(1);
        expect(check.stdout).toContain('a.hrk:4:46 fout HRK074 Hier wordt gedeeld door ‘woningen’, en dat kan nul zijn.');
    });
});
