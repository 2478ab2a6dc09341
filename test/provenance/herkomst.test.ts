import { afterEach, describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isBeslisboom, isFinanciering, isHoofdstuk, isTypologie, type Gids } from '../../language/generated/ast.js';
import { effectiveHerkomst, lineHerkomst } from '../../language/provenance/herkomst.js';
import { provenanceBalance } from '../../language/provenance/herkomst-balance.js';
import { clearAll, createTestServices, validator, withCode } from '../helpers.js';

const services = createTestServices();
const validate = validator(services);
afterEach(async () => {
    services.handreiking.HerkomstSetting.streng = false;
    await clearAll(services);
});

/** A guide in which every way of saying where content comes from occurs once. */
const guide = `herkomst handreiking "dia Financiën"

kenmerk Schaal "Schaal" { "klein", "groot" }

typologie Huiskamer "Huiskamer" {
    herkomst gereconstrueerd "niet op de dia"
    Schaal = "klein" herkomst handreiking "dia 4: kleinschalig"
    activiteiten "koffie", "kaarten" herkomst illustratief
    activiteiten "bingo"
    toelichting "Klein." herkomst bron "https://example.org"
}
typologie Zaal "Zaal" { Schaal = onbekend }

financiering Huur "Huur" {
    termijn structureel
    voor alle typologieen herkomst gereconstrueerd "de dia zegt het niet"
    voorwaarde "een"
    voorwaarde "twee" herkomst bron "https://wetten.overheid.nl/BWBR0045929"
    toelichting "Uit de kolom structureel."
}

beslisboom Boom "Boom" {
    herkomst illustratief "een voorbeeld"
    vraag V "v?" {
        herkomst handreiking "dia 7"
        ja  -> A
        nee -> B
    }
    advies A "a" { toelichting "t" }
    advies B "b"
}

hoofdstuk H "H"
`;

async function parsed(text = guide): Promise<Gids> {
    return (await validate(text)).document.parseResult.value;
}

describe('the effective herkomst: own, else the block, else the file', () => {
    test('an element\'s own herkomst wins over the file\'s', async () => {
        const gids = await parsed();
        const typologie = gids.elementen.filter(isTypologie)[0]!;
        expect(effectiveHerkomst(typologie)).toMatchObject({ soort: 'gereconstrueerd', tekst: 'niet op de dia', inherited: false });
    });

    test('an element without one takes the file\'s, marked as inherited', async () => {
        const gids = await parsed();
        expect(effectiveHerkomst(gids.elementen.find(isHoofdstuk)!)).toMatchObject({ soort: 'handreiking', tekst: 'dia Financiën', inherited: true });
        expect(effectiveHerkomst(gids.elementen.find(isFinanciering)!)).toMatchObject({ soort: 'handreiking', inherited: true });
    });

    test('a node takes its tree\'s, unless it has its own; the file comes last', async () => {
        const boom = (await parsed()).elementen.find(isBeslisboom)!;
        const [v, a] = boom.knopen;
        expect(effectiveHerkomst(v!)).toMatchObject({ soort: 'handreiking', tekst: 'dia 7', inherited: false });
        expect(effectiveHerkomst(a!)).toMatchObject({ soort: 'illustratief', tekst: 'een voorbeeld', inherited: true });
    });

    test('a typology\'s value has its own herkomst behind it, else the typology\'s', async () => {
        const [huiskamer, zaal] = (await parsed()).elementen.filter(isTypologie);
        expect(effectiveHerkomst(huiskamer!.waarden[0]!)).toMatchObject({ soort: 'handreiking', tekst: 'dia 4: kleinschalig', inherited: false });
        // Zaal has none of its own: the file's, through the typology.
        expect(zaal!.waarden[0]!.onbekend).toBe(true);
        expect(effectiveHerkomst(zaal!.waarden[0]!)).toMatchObject({ soort: 'handreiking', inherited: true });
    });

    test('a herkomst behind a line speaks for every item of that line, and only that line', async () => {
        const typologie = (await parsed()).elementen.filter(isTypologie)[0]!;
        expect([0, 1, 2].map(i => lineHerkomst(typologie, 'activiteiten', i).soort)).toEqual(['illustratief', 'illustratief', 'gereconstrueerd']);
        expect(lineHerkomst(typologie, 'activiteiten', 2).inherited).toBe(true);
        expect(lineHerkomst(typologie, 'toelichting')).toMatchObject({ soort: 'bron', tekst: 'https://example.org', inherited: false });
    });

    test('voor and each voorwaarde of a funding rule, and its toelichting', async () => {
        const financiering = (await parsed()).elementen.find(isFinanciering)!;
        expect(lineHerkomst(financiering, 'voor')).toMatchObject({ soort: 'gereconstrueerd', tekst: 'de dia zegt het niet' });
        expect(lineHerkomst(financiering, 'voorwaarden', 0)).toMatchObject({ soort: 'handreiking', inherited: true });
        expect(lineHerkomst(financiering, 'voorwaarden', 1)).toMatchObject({ soort: 'bron', inherited: false });
        expect(lineHerkomst(financiering, 'toelichting')).toMatchObject({ soort: 'handreiking', inherited: true });
    });

    test('without any herkomst, nothing is said (unmarked), also for nodes and lines', async () => {
        const gids = await parsed(`beslisboom B "b" { advies A "a" { toelichting "t" } }`);
        const boom = gids.elementen.find(isBeslisboom)!;
        expect(effectiveHerkomst(boom)).toEqual({ inherited: false });
        expect(effectiveHerkomst(boom.knopen[0]!)).toEqual({ inherited: false });
        expect(lineHerkomst(boom.knopen[0]!, 'toelichting')).toEqual({ inherited: false });
    });

    test('the parser keeps a value\'s herkomst apart from the typology\'s own (which comes first in the block)', async () => {
        const result = await validate(`typologie T "t" { herkomst illustratief }\nkenmerk K "k" { "a" }\ntypologie U "u" { K = "a" herkomst bron "x" toelichting "t" }`);
        expect(result.document.parseResult.parserErrors).toEqual([]);
        const u = result.document.parseResult.value.elementen.filter(isTypologie)[1]!;
        expect(u.herkomst).toEqual([]);
        expect(u.waarden[0]!.herkomst?.soort).toBe('bron');
    });

    test('a herkomst in the middle of a block, after something that cannot carry one, is a syntax error', async () => {
        const result = await validate(`beslisboom B "b" { advies A "a" { zie B herkomst illustratief } }`);
        expect(withCode(result.diagnostics, 'HRK000').length).toBeGreaterThanOrEqual(1);
        expect(withCode(result.diagnostics, 'HRK000')[0]!.message).toContain('herkomst');
    });
});

describe('HRK060: hint by default, warning when strict', () => {
    const unmarked = `kenmerk K "k" { "a" }\ntypologie T "T" { K = "a" }\nfinanciering F "F" { termijn structureel voor alle typologieen }
beslisboom B "B" { vraag V "v?" { ja -> A nee -> A2 } advies A "a" advies A2 "b" }`;

    test('once per top-level element, not for each of its nodes or values', async () => {
        const result = await validate(unmarked);
        const found = withCode(result.diagnostics, 'HRK060');
        expect(found.map(d => d.severity)).toEqual([DiagnosticSeverity.Hint, DiagnosticSeverity.Hint, DiagnosticSeverity.Hint]);
        expect(found.map(d => d.message).sort()).toEqual([
            expect.stringMatching(/^Beslisboom ‘B’ \(en 3 knopen erin\) zegt niet/),
            expect.stringMatching(/^Financiering ‘F’ zegt niet/),
            expect.stringMatching(/^Typologie ‘T’ zegt niet/)
        ]);
    });

    test('strict (--streng, the setting): the same places, as warnings', async () => {
        services.handreiking.HerkomstSetting.streng = true;
        const result = await validate(unmarked);
        expect(withCode(result.diagnostics, 'HRK060').map(d => d.severity)).toEqual([DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning]);
    });

    test('twin: strict, with a herkomst for the file, nothing is reported', async () => {
        services.handreiking.HerkomstSetting.streng = true;
        const result = await validate(`herkomst illustratief\n${unmarked}`);
        expect(result.diagnostics.map(d => d.code)).toEqual([]);
    });

    test('in English', async () => {
        services.i18n.Locale.lang = 'en';
        try {
            const result = await validate(`hoofdstuk H "H"`);
            expect(withCode(result.diagnostics, 'HRK060')[0]!.message).toMatch(/^Chapter ‘H’ does not say where its content comes from/);
        } finally {
            services.i18n.Locale.lang = 'nl';
        }
    });
});

describe('the balance of check --herkomst', () => {
    test('counts every kind of content by its effective herkomst', async () => {
        const rows = provenanceBalance((await parsed()).elementen);
        const row = (kind: string) => rows.find(r => r.kind === kind)!;
        expect(row('tree')).toMatchObject({ illustrative: 1, total: 1 });
        expect(row('question')).toMatchObject({ guide: 1, total: 1 });
        expect(row('advice')).toMatchObject({ illustrative: 2, total: 2 });
        expect(row('typology')).toMatchObject({ reconstructed: 1, guide: 1, total: 2 });
        expect(row('value')).toMatchObject({ guide: 2, total: 2 });
        expect(row('activity')).toMatchObject({ illustrative: 2, reconstructed: 1, total: 3 });
        expect(row('funding')).toMatchObject({ guide: 1, total: 1 });
        expect(row('applicability')).toMatchObject({ reconstructed: 1, total: 1 });
        expect(row('condition')).toMatchObject({ guide: 1, source: 1, total: 2 });
        expect(row('chapter')).toMatchObject({ guide: 1, total: 1 });
        expect(row('description')).toMatchObject({ source: 1, guide: 1, illustrative: 1, total: 3 });
        for (const r of rows) expect(r.guide + r.source + r.reconstructed + r.illustrative + r.unmarked).toBe(r.total);
    });

    test('unmarked content is counted as such', async () => {
        const rows = provenanceBalance((await parsed(`partij P "p" { }\nhoofdstuk H "h" { herkomst illustratief }`)).elementen);
        expect(rows.find(r => r.kind === 'stakeholder')).toMatchObject({ unmarked: 1, total: 1 });
        expect(rows.find(r => r.kind === 'chapter')).toMatchObject({ illustrative: 1, unmarked: 0 });
    });
});
