import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { GitRepo } from '../support/git-repo.js';
import { handreikingBin as bin } from '../support/cli.js';

/**
 * The pull-request comment in docs/review.md is what `handreiking diff --format markdown` prints for
 * the fixture in test/review/fixtures/bewoners (version 1 on `main`, version 2 on the branch
 * `wijziging`), never written by hand. This test fails when the two differ;
 * `HANDREIKING_UPDATE_DOCS=1 npx vitest run test/cli/diff-doc-example.test.ts` writes it again.
 */

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'test/review/fixtures/bewoners');
const doc = path.join(root, 'docs/review.md');

function version(name: string): Record<string, string> {
    const dir = path.join(fixtures, name);
    return Object.fromEntries(fs.readdirSync(dir).map(f => [f, fs.readFileSync(path.join(dir, f), 'utf-8')]));
}

/** The text between `<!-- name:begin -->` and `<!-- name:end -->`. */
const block = (name: string) => new RegExp(`(<!-- ${name}:begin -->\\n)([\\s\\S]*?)(<!-- ${name}:end -->)`);

describe('docs/review.md', () => {
    test('shows the comment diff --format markdown makes for the fixture, as Markdown source and as GitHub shows it', () => {
        const repo = GitRepo.create('hrk-diff-doc-', version('v1'));
        repo.branch('wijziging');
        repo.commit('tweede versie', version('v2'));
        const r = spawnSync(process.execPath, [bin, 'diff', 'main', 'wijziging', '--format', 'markdown'], { cwd: repo.dir, encoding: 'utf-8' });
        expect(r.status).toBe(1);
        const source = '```markdown\n' + r.stdout + '```\n';
        const shown = r.stdout.replace(/\n$/, '').split('\n').map(line => line === '' ? '>' : `> ${line}`).join('\n') + '\n';
        let text = fs.readFileSync(doc, 'utf-8');
        const updated = text.replace(block('pr-comment-source'), `$1${source}$3`).replace(block('pr-comment-shown'), `$1${shown}$3`);
        if (process.env.HANDREIKING_UPDATE_DOCS === '1') {
            fs.writeFileSync(doc, updated);
            text = updated;
        }
        expect(text).toBe(updated);
        expect(text).toContain('- `SOO` geldt niet meer voor `Woonvorm`');
    });
});
