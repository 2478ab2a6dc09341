import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
        e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

/** Every UI text of the extension has a Dutch translation, and every contribution a Dutch title. */
describe('Dutch and English UI', () => {
    test('every runtime string passed to vscode.l10n.t has a Dutch translation', () => {
        const used = new Set<string>();
        for (const file of sourceFiles(path.join(root, 'extension/src'))) {
            for (const m of fs.readFileSync(file, 'utf-8').matchAll(/l10n\.t\('((?:\\'|[^'])*)'/g)) used.add(m[1]);
        }
        expect(used.size).toBeGreaterThan(10);
        const nl = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.nl.json'), 'utf-8')) as Record<string, string>;
        expect([...used].filter(s => !(s in nl))).toEqual([]);
        expect(Object.keys(nl).filter(s => !used.has(s))).toEqual([]);
    });

    test('every %key% of package.json is in package.nls.json and package.nls.nl.json', () => {
        const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf-8');
        const keys = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map(m => m[1]));
        expect(keys.size).toBeGreaterThan(10);
        for (const bundle of ['package.nls.json', 'package.nls.nl.json']) {
            const texts = JSON.parse(fs.readFileSync(path.join(root, bundle), 'utf-8')) as Record<string, string>;
            expect([...keys].filter(k => !(k in texts)), bundle).toEqual([]);
            expect(Object.keys(texts).filter(k => !keys.has(k)), bundle).toEqual([]);
        }
    });

    test('every command has a title and the category Handreiking', () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf-8'));
        for (const command of manifest.contributes.commands) {
            expect(command.category).toBe('Handreiking');
            expect(command.title).toMatch(/^%command\./);
        }
    });
});
