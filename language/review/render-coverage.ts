import type { Lang } from '../i18n/locale.js';
import { reviewTexts } from '../i18n/review-messages.js';
import { describeTreePath, type CoverageFigure, type CoverageJson, type TreeCoverage } from './coverage.js';

/**
 * The coverage report of `handreiking test --dekking` as lines: per tree its figures and the
 * answers and advices no scenario reaches, each with the shortest path to it; then one summary line
 * in a fixed form (English words, a decimal point), like lcov's, for CI systems to read.
 */
export function coverageText(coverage: CoverageJson, lang: Lang): string[] {
    const t = reviewTexts(lang);
    const lines = [t.coverageHeading];
    const shown = (f: CoverageFigure) => t.coverageFigure(percentText(f.percent, lang), f.covered, f.total);
    for (const tree of coverage.trees) {
        lines.push(`  ${t.coverageTree(`${t.type.tree} ‘${tree.tree}’`, shown(tree.answers), shown(tree.questions), shown(tree.advices))}`);
        for (const u of tree.uncovered.answers) {
            const antwoord = u.answer === 'ja' || u.answer === 'nee' ? u.answer : `“${u.answer ?? ''}”`;
            lines.push(`    ${u.path ? t.uncoveredAnswer(`‘${u.node}’`, antwoord, describeTreePath(u.path)) : t.uncoveredNoPath(`‘${u.node}’ ${antwoord}`)}`);
        }
        for (const u of tree.uncovered.advices) {
            lines.push(`    ${u.path ? t.uncoveredAdvice(`‘${u.node}’`, describeTreePath(u.path)) : t.uncoveredNoPath(`‘${u.node}’`)}`);
        }
    }
    lines.push(coverageSummaryLine(coverage, lang));
    return lines;
}

/** `Dekking: answers 85.0% (17 of 20), questions 90.0% (9 of 10), advices 80.0% (8 of 10)`: the form CI reads. */
export function coverageSummaryLine(coverage: CoverageJson, lang: Lang): string {
    const f = (name: string, x: CoverageFigure) => `${name} ${x.percent.toFixed(1)}% (${x.covered} of ${x.total})`;
    const { answers, questions, advices } = coverage.total;
    return `${reviewTexts(lang).coverageSummaryWord}: ${f('answers', answers)}, ${f('questions', questions)}, ${f('advices', advices)}`;
}

/** The trees whose answers are covered less than `minimum` percent. */
export function treesBelow(coverage: CoverageJson, minimum: number): TreeCoverage[] {
    return coverage.trees.filter(t => t.answers.percent < minimum);
}

/** A percentage as a reader of `lang` writes it: 85,0% or 85.0%. */
export function percentText(percent: number, lang: Lang): string {
    const text = `${percent.toFixed(1)}%`;
    return lang === 'nl' ? text.replace('.', ',') : text;
}
