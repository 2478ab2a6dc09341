import { afterEach, describe, expect, test, vi } from 'vitest';
import { TerminalOutput } from '../../language/cli/terminal-output.js';

/**
 * Where TerminalOutput writes when it is given no streams: the process's descriptors, except on
 * Windows, where a console must get its text through process.stdout (which hands it to the console
 * as UTF-16; bytes on the descriptor would be read in the console's code page). The descriptors
 * themselves, pipes that refuse to wait and closed pipes: test/cli/streams-cli.test.ts.
 */

const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
afterEach(() => {
    Object.defineProperty(process, 'platform', platform);
    vi.restoreAllMocks();
});

describe('TerminalOutput without streams given', () => {
    test('on Windows: through process.stdout and process.stderr, the text as written', () => {
        Object.defineProperty(process, 'platform', { ...platform, value: 'win32' });
        const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
        const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
        const output = new TerminalOutput();
        output.out('1 bestand gecontroleerd: ‘één’');
        output.err('fout');
        expect(out.mock.calls).toEqual([['1 bestand gecontroleerd: ‘één’\n']]);
        expect(err.mock.calls).toEqual([['fout\n']]);
    });

    test('elsewhere: not through the streams (the descriptors, with fs.writeSync)', () => {
        Object.defineProperty(process, 'platform', { ...platform, value: 'linux' });
        const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
        const output = new TerminalOutput();
        output.out('');
        expect(out).not.toHaveBeenCalled();
    });
});
