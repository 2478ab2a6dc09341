import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { GitRepo } from '../support/git-repo.js';
import { tempFolder } from '../support/temp-dir.js';
import type { ReviewJson } from '../../language/review/review-json.js';
import { handreiking as runHandreiking } from '../support/cli.js';

/**
 * `handreiking diff` as a spawned process on real git repositories in temporary folders: the
 * fixture in test/review/fixtures/bewoners is committed as two versions (a node renamed, one
 * reworded, answers rewired, a question and an advice added, an advice removed, a typology's value
 * changed so that a funding rule no longer applies, `geldig tot`, a party, a chapter and a
 * provenance changed), and the text, Markdown and JSON reports and the exit codes are checked.
 */

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'test/review/fixtures/bewoners');

/** Git without the user's or the system's configuration. */
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const handreiking = (args: string[], cwd: string) => runHandreiking(args, cwd, gitEnv);

function version(name: 'v1' | 'v2'): Record<string, string> {
    const dir = path.join(fixtures, name);
    return Object.fromEntries(fs.readdirSync(dir).map(f => [f, fs.readFileSync(path.join(dir, f), 'utf-8')]));
}

/** A repository with the two versions of the fixture as two commits. */
function twoVersions(): GitRepo {
    const repo = GitRepo.create('hrk-diff-', version('v1'));
    repo.commit('tweede versie', version('v2'));
    return repo;
}

const schema = JSON.parse(fs.readFileSync(path.join(root, 'docs/schema/review.schema.json'), 'utf-8'));

describe('handreiking diff between two git revisions', () => {
    test('text: structure and behaviour, exit 1', () => {
        const repo = twoVersions();
        const r = handreiking(['diff', 'HEAD~1', 'HEAD'], repo.dir);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(1);
        const lines = r.stdout.trimEnd().split('\n');
        expect(lines[0]).toMatch(/^Handreiking: ‘HEAD~1’ \([0-9a-f]{7}, 2 bestanden\) → ‘HEAD’ \([0-9a-f]{7}, 2 bestanden\)$/);
        for (const expected of [
            '  Beslisboom ‘Bewoners’',
            '    vraag ‘Stabiel’ anders verwoord: was “Is de bewonersbeheergroep stabiel?”, nu “Is de beheergroep stabiel?”',
            '    vraag ‘Ruzie’ heette ‘Onenigheid’ (herkend aan de tekst)',
            '    vraag ‘Ruzie’, antwoord ja: wees naar ‘Bemiddeling’, nu naar ‘Gesprek’',
            '    vraag ‘Ruzie’, antwoord nee: wees naar ‘Gesprek’, nu naar ‘Vergrijzing’',
            '    nieuwe vraag ‘Vergrijzing’: “Is er sprake van vergrijzing?”',
            '    nieuw advies ‘Senioren’: “Overweeg een ontmoetingsruimte voor senioren”',
            '    advies ‘Bemiddeling’ verwijderd: “Zet buurtbemiddeling in”',
            '    herkomst: was gereconstrueerd “de pijlen op de dia zijn niet eenduidig”, nu handreiking “dia Bewoners beheer”',
            '  Typologie ‘Woonvorm’',
            '    ‘Schaal’: was “middel”, nu “klein”',
            '  Financiering ‘SOO’',
            '    ‘SOO’ geldt niet meer voor ‘Woonvorm’',
            '    geldig tot: was 2027-01-01, nu 2028-01-01',
            '  Partij ‘Corporatie’',
            '    rollen: was “eigenaar van de ruimte”, nu “eigenaar en beheerder van de ruimte”',
            '  Hoofdstuk ‘Beheer’',
            '    werkgroep: was “WG1”, nu “WG2”',
            'Gedrag',
            '    scenario “Onenigheid leidt tot bemiddeling”: eindigde bij ‘Gesprek’, nu zonder antwoord bij vraag ‘Ruzie’; slaagde, faalt nu',
            '    pad Stabiel=nee, Ruzie=ja: komt niet meer langs ‘Bemiddeling’ (zelfde einde)',
            '    nieuw pad Stabiel=nee, Ruzie=nee, Vergrijzing=ja: eindigt bij ‘Senioren’',
            '    nieuw pad Stabiel=nee, Ruzie=nee, Vergrijzing=nee: eindigt bij ‘Gesprek’',
            '    pad Stabiel=nee, Ruzie=nee bestaat niet meer (eindigde bij ‘Gesprek’)'
        ]) expect(lines).toContain(expected);
        // The scenario file did not change: a scenario that still names the old node is no structural change.
        expect(r.stdout).not.toContain('Scenario “');
        expect(lines.at(-1)).toBe('13 wijzigingen in de structuur, 5 in het gedrag.');
    });

    test('--lang en', () => {
        const repo = twoVersions();
        const r = handreiking(['diff', 'HEAD~1', 'HEAD', '--lang', 'en'], repo.dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('    ‘SOO’ no longer applies to ‘Woonvorm’\n');
        expect(r.stdout).toContain('    question ‘Ruzie’ was called ‘Onenigheid’ (recognised by its text)\n');
        expect(r.stdout).toContain('    scenario “Onenigheid leidt tot bemiddeling”: ended at ‘Gesprek’, now without an answer at question ‘Ruzie’; passed, now fails\n');
        expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('13 changes in structure, 5 in behaviour.');
    });

    test('Markdown for a pull-request comment: the same report, in sections and lists', () => {
        const repo = twoVersions();
        const r = handreiking(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'], repo.dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(/^### Handreiking: wat deze wijziging doet\n\n‘HEAD\\~1’ \(`[0-9a-f]{7}`, 2 bestanden\) → ‘HEAD’ \(`[0-9a-f]{7}`, 2 bestanden\): 13 wijzigingen in de structuur, 5 in het gedrag\.\n/);
        expect(r.stdout).toContain('#### Structuur\n\n**Beslisboom `Bewoners`**\n\n');
        expect(r.stdout).toContain('- `SOO` geldt niet meer voor `Woonvorm`\n');
        expect(r.stdout).toContain('- nieuw pad Stabiel=nee, Ruzie=nee, Vergrijzing=ja: eindigt bij `Senioren`\n');
        expect(r.stdout).toContain('#### Gedrag\n');
    });

    test('JSON: schema-valid, with the computed applicability, the rename and the rewiring', () => {
        const repo = twoVersions();
        const r = handreiking(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], repo.dir);
        expect(r.code).toBe(1);
        const review = JSON.parse(r.stdout) as ReviewJson;
        const ajv = new Ajv2020({ strict: true });
        expect(ajv.validate(schema, review), JSON.stringify(ajv.errors)).toBe(true);
        expect(review.changed).toBe(true);
        expect(review.old).toMatchObject({ label: 'HEAD~1', kind: 'revision', files: 2 });
        expect(review.old.commit).toMatch(/^[0-9a-f]{40}$/);
        expect(review.structure).toContainEqual({ change: 'applicability', element: { type: 'funding', id: 'SOO' }, typology: 'Woonvorm', applies: false });
        expect(review.structure).toContainEqual({ change: 'renamed', element: { type: 'node', id: 'Ruzie', tree: 'Bewoners', nodeKind: 'question' }, oldId: 'Onenigheid', matchedBy: 'text' });
        expect(review.structure).toContainEqual({
            change: 'rewired', element: { type: 'node', id: 'Ruzie', tree: 'Bewoners', nodeKind: 'question' }, arrow: 'answer', label: 'nee', oldTo: 'Gesprek', newTo: 'Vergrijzing'
        });
        expect(review.structure).toContainEqual({ change: 'modified', element: { type: 'typology', id: 'Woonvorm' }, field: 'value', characteristic: 'Schaal', old: 'middel', new: 'klein' });
        expect(review.behaviour).toContainEqual({
            change: 'pathAdded', tree: 'Bewoners',
            answers: [{ question: 'Stabiel', answer: 'nee' }, { question: 'Ruzie', answer: 'nee' }, { question: 'Vergrijzing', answer: 'ja' }],
            end: { status: 'advice', at: 'Senioren', passes: [] }
        });
    });

    test('a revision that is the same, and a change that only reformats, change nothing for a reader: exit 0', () => {
        const repo = twoVersions();
        const same = handreiking(['diff', 'HEAD', 'HEAD'], repo.dir);
        expect(same.code).toBe(0);
        expect(same.stdout.trimEnd().split('\n').at(-1)).toBe('Geen wijzigingen voor een lezer.');
        // Other indentation, a comment, the nodes in another order: the same guide.
        const v2 = version('v2')['gids.hrk'];
        const reformatted = v2.replace('    advies Door "Ga zo door"\n', '')
            .replace('    advies Senioren', '    advies Door "Ga zo door" // een opmerking\n    advies Senioren')
            .replace(/^ {4}/gm, '\t');
        expect(reformatted).not.toBe(v2);
        repo.commit('opgemaakt', { 'gids.hrk': reformatted });
        const r = handreiking(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], repo.dir);
        expect(r.stderr).toBe('');
        expect(JSON.parse(r.stdout)).toMatchObject({ changed: false, structure: [], behaviour: [] });
        expect(r.code).toBe(0);
    });

    test('a tag and a branch name are revisions too', () => {
        const repo = GitRepo.create('hrk-diff-', version('v1'));
        repo.tag('versie-1');
        repo.commit('tweede versie', version('v2'));
        const r = handreiking(['diff', 'versie-1', 'main', '--format', 'json'], repo.dir);
        expect(r.code).toBe(1);
        expect((JSON.parse(r.stdout) as ReviewJson).old.label).toBe('versie-1');
    });
});

describe('handreiking diff against the working copy', () => {
    test('without <nieuw> the working copy is compared, uncommitted changes included', () => {
        const repo = twoVersions();
        expect(handreiking(['diff', 'HEAD'], repo.dir).code).toBe(0);
        repo.write({ 'gids.hrk': version('v2')['gids.hrk'].replace('advies Door "Ga zo door"', 'advies Door "Ga vooral zo door"') });
        const r = handreiking(['diff', 'HEAD'], repo.dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(/^Handreiking: ‘HEAD’ \([0-9a-f]{7}, 2 bestanden\) → werkkopie \(2 bestanden\)\n/);
        expect(r.stdout).toContain('    advies ‘Door’ anders verwoord: was “Ga zo door”, nu “Ga vooral zo door”\n');
        expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 wijziging in de structuur, 0 in het gedrag.');
    });

    test('--pad reads the guide in one folder of every version, and nothing else', () => {
        const repo = GitRepo.create('hrk-diff-', {
            ...Object.fromEntries(Object.entries(version('v1')).map(([f, text]) => [`gids/${f}`, text])),
            'tests/kapot.hrk': 'beslisboom {'
        });
        repo.commit('tweede versie', Object.fromEntries(Object.entries(version('v2')).map(([f, text]) => [`gids/${f}`, text])));
        const r = handreiking(['diff', 'HEAD~1', '--pad', 'gids', '--format', 'json'], repo.dir);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(1);
        expect((JSON.parse(r.stdout) as ReviewJson).new).toEqual({ label: 'gids', kind: 'workingCopy', files: 2 });
        // Run in the folder itself, the revision is read below it as well.
        const inside = handreiking(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], path.join(repo.dir, 'gids'));
        expect(inside.code).toBe(1);
        expect((JSON.parse(inside.stdout) as ReviewJson).old.files).toBe(2);
    });

    test('two folders, without git', () => {
        const dir = tempFolder('hrk-diff-', {
            ...Object.fromEntries(Object.entries(version('v1')).map(([f, text]) => [`oud/${f}`, text])),
            ...Object.fromEntries(Object.entries(version('v2')).map(([f, text]) => [`nieuw/${f}`, text]))
        });
        const r = handreiking(['diff', 'oud', 'nieuw'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout.split('\n')[0]).toBe('Handreiking: ‘oud’ (2 bestanden) → ‘nieuw’ (2 bestanden)');
        expect(r.stdout).toContain('    ‘SOO’ geldt niet meer voor ‘Woonvorm’\n');
        const file = handreiking(['diff', 'oud/gids.hrk', 'oud/gids.hrk'], dir);
        expect(file.code).toBe(0);
    });
});

describe('what the comparison finds', () => {
    const tree = (body: string) => `beslisboom B "b" {\n${body}\n}\n`;

    test('a renamed node whose text changed too is recognised by its place in the tree', () => {
        const repo = GitRepo.create('hrk-diff-', { 'b.hrk': tree(`    vraag V "Is de groep stabiel?" {\n        ja -> A\n        nee -> W\n    }\n    advies A "a"\n    advies W "Praat met de groep"`) });
        repo.commit('hernoemd', { 'b.hrk': tree(`    vraag V "Is de groep stabiel?" {\n        ja -> A\n        nee -> Gesprek\n    }\n    advies A "a"\n    advies Gesprek "Praat eerst met de groep"`) });
        const r = handreiking(['diff', 'HEAD~1', 'HEAD'], repo.dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('    advies ‘Gesprek’ heette ‘W’ (herkend aan de plaats in de boom)\n');
        expect(r.stdout).toContain('    advies ‘Gesprek’ anders verwoord: was “Praat met de groep”, nu “Praat eerst met de groep”\n');
        // The same answers end at the same node, renamed: no change of behaviour.
        expect(r.stdout).not.toContain('Gedrag');
    });

    test('the same answers ending at an advice the old version did not have: a new advice on that path', () => {
        const repo = GitRepo.create('hrk-diff-', { 'b.hrk': tree(`    vraag Stabiel "s?" {\n        ja -> A\n        nee -> Onenigheid\n    }\n    vraag Onenigheid "o?" {\n        ja -> A\n        nee -> A\n    }\n    advies A "a"`) });
        repo.commit('nieuw advies', { 'b.hrk': tree(`    vraag Stabiel "s?" {\n        ja -> A\n        nee -> Onenigheid\n    }\n    vraag Onenigheid "o?" {\n        ja -> Bemiddeling\n        nee -> A\n    }\n    advies A "a"\n    advies Bemiddeling "Zet buurtbemiddeling in"`) });
        const r = handreiking(['diff', 'HEAD~1', 'HEAD'], repo.dir);
        expect(r.stdout).toContain('    pad Stabiel=nee, Onenigheid=ja: nieuw advies ‘Bemiddeling’ (eindigde bij ‘A’)\n');
        expect(r.code).toBe(1);
    });

    test('a funding rule that starts to apply when its rule changes, and a removed typology', () => {
        const base = `kenmerk S "s" { "klein", "groot" }\ntypologie K "k" { S = "klein" }\ntypologie G "g" { S = "groot" }\ntypologie X "x" { S = "groot" }\n`;
        const repo = GitRepo.create('hrk-diff-', { 'f.hrk': base + `financiering F "f" { termijn structureel voor G }\n` });
        repo.commit('voor', { 'f.hrk': base.replace('typologie X "x" { S = "groot" }\n', '') + `financiering F "f" { termijn structureel voor alle typologieen }\n` });
        const r = handreiking(['diff', 'HEAD~1', 'HEAD'], repo.dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('  Typologie ‘X’ (verwijderd): “x”\n');
        expect(r.stdout).toContain('    voor: was “G”, nu “alle typologieen”\n');
        expect(r.stdout).toContain('    ‘F’ geldt nu ook voor ‘K’\n');
        // X is gone: whether F applies to it is not a change of F.
        expect(r.stdout).not.toContain('voor ‘X’');
    });

    test('a tree with more paths than the limit is compared by its structure, and the output says its paths were not', () => {
        const chain = (n: number, last: string) => Array.from({ length: n }, (_, i) =>
            `    vraag Q${i} "q${i}?" {\n        ja -> ${i + 1 < n ? `Q${i + 1}` : last}\n        nee -> ${i + 1 < n ? `Q${i + 1}` : last}\n    }`).join('\n');
        const repo = GitRepo.create('hrk-diff-', { 'b.hrk': tree(`${chain(14, 'A')}\n    advies A "a"`) });
        repo.commit('ander einde', { 'b.hrk': tree(`${chain(14, 'A')}\n    advies A "anders"`) });
        const r = handreiking(['diff', 'HEAD~1', 'HEAD'], repo.dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('Beslisboom ‘B’: meer dan 10.000 paden in een van de versies; de paden zijn niet vergeleken.\n');
        const json = JSON.parse(handreiking(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], repo.dir).stdout) as ReviewJson;
        expect(json.notCompared).toEqual([{ tree: 'B', limit: 10_000 }]);
    });

    test('text from the guide cannot become Markdown: links, HTML and emphasis stay text', () => {
        const repo = GitRepo.create('hrk-diff-', { 'b.hrk': tree('    advies A "a"') });
        repo.commit('tekst', { 'b.hrk': tree('    advies A "<img src=x onerror=alert(1)> **vet** [klik](https://example.invalid) www.example.invalid"') });
        const r = handreiking(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'], repo.dir);
        expect(r.stdout).toContain('nu “\\<img src=x onerror=alert(1)\\> \\*\\*vet\\*\\* \\[klik\\](https:<!-- -->//example.invalid) www<!-- -->.example.invalid”');
    });
});

describe('handreiking diff on a calculation', () => {
    // The SOO contribution and its scenarios as the examples write them; the new version only raises the cap for 5-20 homes.
    const calculation = /\nberekening SooBijdrage "[^"]*" \{[\s\S]*?\n\}\n/.exec(fs.readFileSync(path.join(root, 'examples/financiering.hrk'), 'utf-8'))?.[0] ?? '';
    const scenarios = fs.readFileSync(path.join(root, 'examples/scenarios/soo-bijdrage.hrk'), 'utf-8');
    const cap = 'plafond "Plafond van de bijdrage" = als woningen <= 20 dan 100.000 euro anders';
    const folders = () => tempFolder('hrk-diff-', {
        'oud/soo.hrk': calculation, 'oud/scenarios.hrk': scenarios,
        'nieuw/soo.hrk': calculation.replace(cap, cap.replace('100.000', '120.000')), 'nieuw/scenarios.hrk': scenarios
    });

    test('a cap raised from € 100 000 to € 120 000: the named value, and the scenario of 45 m² that now gives 45 × € 2 500 = € 112 500; exit 1', () => {
        expect(calculation).toContain(cap);
        const dir = folders();
        const r = handreiking(['diff', 'oud', 'nieuw'], dir);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(1);
        const lines = r.stdout.trimEnd().split('\n');
        expect(lines).toEqual([
            'Handreiking: ‘oud’ (2 bestanden) → ‘nieuw’ (2 bestanden)',
            'Structuur',
            '  Berekening ‘SooBijdrage’',
            '    waarde ‘plafond’: was “als woningen <= 20 dan 100.000 euro anders als woningen <= 50 dan 150.000 euro anders 175.000 euro”, '
            + 'nu “als woningen <= 20 dan 120.000 euro anders als woningen <= 50 dan 150.000 euro anders 175.000 euro”',
            'Gedrag',
            '  Berekening ‘SooBijdrage’',
            // 30 m² (€ 75 000) and 40 m² (€ 100 000) stay under the cap; more than 20 homes have other caps.
            '    scenario “SOO-bijdrage: 45 m², 16 woningen”: gaf € 100 000, nu € 112 500; slaagde, faalt nu',
            '1 wijziging in de structuur, 1 in het gedrag.'
        ]);
        expect(handreiking(['diff', 'oud', 'nieuw', '--lang', 'en'], dir).stdout)
            .toContain('    scenario “SOO-bijdrage: 45 m², 16 woningen”: gave € 100,000, now € 112,500; passed, now fails\n');
        expect(handreiking(['diff', 'oud', 'oud'], dir).code).toBe(0);
    });

    test('JSON: schema-valid, with the formulas and the amounts', () => {
        const r = handreiking(['diff', 'oud', 'nieuw', '--format', 'json'], folders());
        expect(r.code).toBe(1);
        const review = JSON.parse(r.stdout) as ReviewJson;
        const ajv = new Ajv2020({ strict: true });
        expect(ajv.validate(schema, review), JSON.stringify(ajv.errors)).toBe(true);
        expect(review.changed).toBe(true);
        expect(review.structure).toEqual([expect.objectContaining({ change: 'modified', element: { type: 'calculation', id: 'SooBijdrage' }, field: 'value', name: 'plafond' })]);
        expect(review.behaviour).toEqual([{
            change: 'calculationScenario', scenario: 'SOO-bijdrage: 45 m², 16 woningen', calculation: 'SooBijdrage',
            old: { passed: true, outcome: { kind: 'value', value: '100000', unit: 'euro' } },
            new: { passed: false, outcome: { kind: 'value', value: '112500', unit: 'euro' } }
        }]);
        // The other outcomes validate too.
        const outcomes = [{ kind: 'notApplicable', reason: 'r' }, { kind: 'error', error: 'missingInput', name: 'x' }, { kind: 'noCalculation' }, { kind: 'value', value: '0.3333333333', approximate: true }];
        for (const outcome of outcomes) {
            const other = { ...review, behaviour: [{ ...review.behaviour[0], new: { passed: false, outcome } }] };
            expect(ajv.validate(schema, other), JSON.stringify(ajv.errors)).toBe(true);
        }
    });

    test('Markdown: the formulas as code', () => {
        const r = handreiking(['diff', 'oud', 'nieuw', '--format', 'markdown'], folders());
        expect(r.stdout).toContain('**Berekening `SooBijdrage`**\n\n- waarde `plafond`: was `als woningen <= 20 dan 100.000 euro anders als woningen <= 50 dan 150.000 euro anders 175.000 euro`, ');
        expect(r.stdout).toContain('- scenario “SOO-bijdrage: 45 m², 16 woningen”: gaf € 100 000, nu € 112 500; slaagde, faalt nu\n');
    });
});

describe('handreiking diff: what cannot be compared (exit 2)', () => {
    test('not a git repository', () => {
        const dir = tempFolder('hrk-diff-', { 'b.hrk': 'beslisboom B "b" { advies A "a" }\n' });
        const r = handreiking(['diff', 'main'], dir);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe('‘main’ is geen bestand of map, en . is geen git-repository: ‘main’ kan dus ook geen versie zijn. Geef een map, een .hrk-bestand of een git-revisie (zoals HEAD~1 of main) in een git-repository.\n');
        const en = handreiking(['diff', 'main', '--lang', 'en'], dir);
        expect(en.stderr).toMatch(/^‘main’ is not a file or folder, and \. is not a git repository/);
    });

    test('an unknown revision, and one that tries to be a shell command', () => {
        const repo = twoVersions();
        const r = handreiking(['diff', 'bestaat-niet'], repo.dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('Onbekende versie ‘bestaat-niet’: geen bestand of map, en git kent geen revisie met die naam. Controleer de naam (git log --oneline toont de revisies).\n');
        const shell = handreiking(['diff', 'HEAD;touch gemaakt', 'HEAD$(touch gemaakt2)'], repo.dir);
        expect(shell.code).toBe(2);
        expect(shell.stderr).toContain('Onbekende versie ‘HEAD;touch gemaakt’');
        expect(fs.readdirSync(repo.dir).filter(f => f.startsWith('gemaakt'))).toEqual([]);
        expect(handreiking(['diff', 'bestaat-niet', '--lang', 'en'], repo.dir).stderr).toMatch(/^Unknown version ‘bestaat-niet’/);
    });

    test('a version that does not parse: its syntax errors, located, and nothing compared', () => {
        const repo = twoVersions();
        repo.commit('kapot', { 'gids.hrk': version('v2')['gids.hrk'].replace('advies Door "Ga zo door"', 'advies Door "Ga zo door" }}') });
        const r = handreiking(['diff', 'HEAD~1', 'HEAD'], repo.dir);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        const lines = r.stderr.trimEnd().split('\n');
        expect(lines[0]).toMatch(/^De versie ‘HEAD’ kan niet gelezen worden: 1 fout in de tekst\. Er is niets vergeleken\.$/);
        expect(lines[1]).toMatch(/^gids\.hrk:\d+:\d+ fout HRK000 /);
        // The working copy is that version too.
        expect(handreiking(['diff', 'HEAD~1'], repo.dir).stderr).toMatch(/^De versie ‘\.’ kan niet gelezen worden/);
    });

    test('a file of a revision that is not UTF-8 is a syntax error of that version', () => {
        const repo = twoVersions();
        fs.writeFileSync(path.join(repo.dir, 'latin1.hrk'), Buffer.from('advies A "caf\xe9"', 'latin1'));
        repo.commit('latin-1');
        const r = handreiking(['diff', 'HEAD~1', 'HEAD'], repo.dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/\nlatin1\.hrk:1:\d+ fout HRK000 .*UTF-8/);
    });

    test('an unknown --format', () => {
        const repo = twoVersions();
        const r = handreiking(['diff', 'HEAD~1', '--format', 'html'], repo.dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('Onbekend formaat ‘html’: kies text, markdown of json.\n');
    });
});
