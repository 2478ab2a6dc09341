import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { handreiking } from '../support/cli.js';

/**
 * Text from a `.hrk` file — and the names of files and folders — reaches the terminal and CI logs
 * through every text-format output of the CLI. Tried with files written to attack both: set the
 * terminal's title, erase a line, reverse a line, forge a GitHub Actions annotation or a summary line.
 */

const made: string[] = [];
afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-tty-'));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

const forgedAnnotation = '::error file=examples/gids.hrk,line=1::Gehackt';
const forgedSummary = '1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen.';
/** Everything at once: OSC title (BEL and ST), erase line, CSI as C1, DEL, bidi, line breaks of every kind, CI commands. */
const hostile = `t\u001b]0;PWNED\u0007\u001b]2;PWNED\u0007\u001b[2K\r\u009b2K\u007f\u202e\u2066x\u2069`
    + `\n${forgedAnnotation}\r\n${forgedSummary}\u2028\u0085 ##[error]midden ##vso[task.complete result=Succeeded;]\tklaar`;

/** What may never reach a terminal: C0 but the line ends of the output itself, DEL, C1, separators, bidi controls. */
const unsafe = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** Output is safe: nothing above, no line a CI system obeys, and the lines are exactly the ones expected. */
function expectSafe(output: string): string[] {
    expect(output).not.toMatch(unsafe);
    const lines = output.replace(/\n$/, '').split('\n');
    for (const line of lines) {
        expect(line).not.toMatch(/^\s*::/);
        expect(line).not.toMatch(/##(vso)?\[/i);
        expect(line).not.toBe(forgedSummary);
    }
    return lines;
}

const guide = `beslisboom Boom "Boom" {
    vraag V "Vraag?" {
        antwoord "${hostile}" -> A
        antwoord "${hostile}" -> B
    }
    advies A "a"
    advies B "b"
}

scenario "${hostile}" {
    beslisboom Boom
    V: "${hostile} anders"
    verwacht A
}
`;

describe('text from a .hrk file in the text output of the command line', () => {
    test('check: every message is one line, control characters and line breaks are escaped, no CI command and no fake summary', () => {
        const dir = folder({ 'gids.hrk': guide });
        const r = handreiking(['check', '.'], dir);
        expect(r.code).toBe(1);
        const lines = expectSafe(r.stdout);
        const json = JSON.parse(handreiking(['check', '.', '--format', 'json'], dir).stdout) as { diagnostics: unknown[] };
        expect(lines).toHaveLength(json.diagnostics.length + 1);
        for (const line of lines.slice(0, -1)) expect(line).toMatch(/^gids\.hrk:\d+:\d+ (fout|waarschuwing|info) HRK\d{3} /);
        expect(lines.at(-1)).toBe('1 bestand gecontroleerd: 2 fouten, 0 waarschuwingen.');
        // The text is still there to read, its dangerous characters written out.
        expect(r.stdout).toContain('t\\x1b]0;PWNED\\x07\\x1b]2;PWNED\\x07\\x1b[2K\\r\\x9b2K\\x7f\\u202e\\u2066x\\u2069\\n::error file=examples/gids.hrk');
        expect(r.stdout).toContain('\\r\\n1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen.\\u2028\\x85 #\\x23[error]midden #\\x23vso[task.complete');
        expect(r.stdout).toContain(']\\tklaar');
    });

    test('test: scenario names and answers stay on their line; the last line is the real summary', () => {
        const dir = folder({ 'gids.hrk': guide });
        const r = handreiking(['test', '.'], dir);
        expect(r.code).toBe(1);
        const lines = expectSafe(r.stdout);
        expect(lines[0]).toMatch(/^✗ t\\x1b\]0;PWNED.* \(gids\.hrk:\d+\)$/);
        expect(lines.slice(1, -1).every(l => l.startsWith('    '))).toBe(true);
        expect(lines.at(-1)).toBe("Scenario's: 0 passed, 1 failed");
    });

    test('--format json keeps every text exact for programs, and is inert in a log too', () => {
        const dir = folder({ 'gids.hrk': guide });
        const r = handreiking(['check', '.', '--format', 'json'], dir);
        expect(r.stdout).not.toMatch(unsafe);
        expect(r.stdout).not.toMatch(/##(vso)?\[/i);
        const report = JSON.parse(r.stdout) as { diagnostics: Array<{ message: string }> };
        expect(report.diagnostics.some(d => d.message.includes(hostile))).toBe(true);
    });

    test('file and folder names are user input too: a newline, ESC or a leading :: in a name is escaped', () => {
        const dir = folder({
            [`map\n${forgedAnnotation}/x\u001b]0;PWNED\u0007.hrk`]: 'hoofdstuk A "a" fout\n',
            [`${forgedAnnotation}.hrk`]: 'hoofdstuk B "b" fout\n',
            [` ${forgedAnnotation}.hrk`]: 'hoofdstuk C "c" fout\n'
        });
        const r = handreiking(['check', '.'], dir);
        expect(r.code).toBe(1);
        const lines = expectSafe(r.stdout);
        expect(lines).toHaveLength(4);
        expect(lines).toContain(`map\\n${forgedAnnotation}/x\\x1b]0;PWNED\\x07.hrk:1:17 fout HRK000 Hier begint geen element: er staat ‘fout’. Een element begint met ‘kenmerk’, ‘typologie’, ‘beslisboom’, ‘financiering’, ‘berekening’, ‘partij’, ‘hoofdstuk’ of ‘scenario’ (kleine letters); controleer de spelling, of verwijder de tekst.`);
        expect(lines.some(l => l.startsWith(`\\x3a:error file=examples/gids.hrk,line=1::Gehackt.hrk:1:17 fout HRK000`))).toBe(true);
        expect(lines.some(l => l.startsWith(` \\x3a:error file=examples/gids.hrk,line=1::Gehackt.hrk:1:17 fout HRK000`))).toBe(true);
    });

    test('messages on stderr: a hostile path given on the command line, an export refused for errors, an export written into a hostile folder', () => {
        const dir = folder({ 'gids.hrk': guide });
        const missing = handreiking(['check', `nergens\u001b]0;PWNED\u0007\n${forgedAnnotation}`], dir);
        expect(missing.code).toBe(2);
        expect(expectSafe(missing.stderr)).toEqual([`Pad bestaat niet: nergens\\x1b]0;PWNED\\x07\\n${forgedAnnotation}`]);

        const refused = handreiking(['export', 'json', '.', '-o', 'uit'], dir);
        expect(refused.code).toBe(1);
        expect(expectSafe(refused.stderr).at(-1)).toBe('Niet geëxporteerd: de handreiking heeft 2 fouten. Los ze op, of exporteer toch met --force.');

        const outFolder = `uit\n${forgedAnnotation}\u001b[2K`;
        const written = handreiking(['export', 'json', '.', '--force', '-o', outFolder], dir);
        expect(written.code).toBe(0);
        expect(expectSafe(written.stdout)).toEqual([`JSON geschreven: ${path.join(dir, 'uit')}\\n${forgedAnnotation}\\x1b[2K/handreiking.json`]);
    });
});
