import { button, h, replace } from '../../language/browser/dom.js';
import { describeExcess } from '../../language/generation/mermaid/diagram-limits.js';
import type { PreviewProblem } from '../../language/lsp/protocol.js';
import type { Drawable } from './drawable.js';
import type { PageParts } from './page-layout.js';
import type { Lang, Strings } from './strings.js';

/**
 * What the page says around the drawing: which part of the main area shows, the banner with the
 * document's errors, and the notice of a large tree. Every text is the page's own (strings.ts),
 * with the guide's texts going in as text.
 */

export interface MainState {
    /** Good data has arrived (without errors). */
    hasData: boolean;
    /** The document has errors now. */
    hasErrors: boolean;
    /** What is shown or about to be. */
    shown: Drawable | undefined;
    /** The tree being walked through, if any. */
    walkedTree: string | undefined;
}

/** Which of message / diagram / table / walkthrough is visible. */
export function showMain(parts: PageParts, t: Strings, state: MainState): void {
    const { message, viewport, table, walkPanel } = parts;
    const d = state.shown;
    const noGoodData = !state.hasData;
    message.hidden = (!noGoodData && d?.kind !== 'empty') || (noGoodData && state.hasErrors);
    message.textContent = noGoodData ? (state.hasErrors ? '' : t.noData) : d?.kind === 'empty' ? d.message : '';
    viewport.hidden = noGoodData || d?.kind !== 'diagram';
    table.hidden = noGoodData || d?.kind !== 'table';
    walkPanel.hidden = noGoodData || state.walkedTree === undefined || d?.kind !== 'diagram' || d.tree?.tree.id !== state.walkedTree;
}

/** The first error and how many more; `kept`: a last good diagram stays shown. */
export function showBanner(banner: HTMLElement, errors: readonly PreviewProblem[], kept: boolean, t: Strings): void {
    const first = errors[0];
    if (!first) {
        banner.hidden = true;
        banner.replaceChildren();
        return;
    }
    const line = (first.range?.start?.line ?? 0) + 1;
    replace(banner,
        h('strong', { class: 'banner-error' }, t.errorBanner(first.message, line)),
        errors.length > 1 ? h('span', { class: 'banner-more' }, ` ${t.moreErrors(errors.length - 1)}`) : undefined,
        kept ? h('span', { class: 'banner-kept' }, ` ${t.errorBannerKept}`) : undefined);
    banner.hidden = false;
}

/** What "Toon alles" and "Toon alleen de omgeving" do for a tree. */
export interface ShowAllActions {
    showAll(tree: string): void;
    showFocus(tree: string): void;
}

/** The focus view of a large tree (or the whole of it) says so, with the way to the other. */
export function showNotice(notice: HTMLElement, drawable: Drawable, t: Strings, lang: Lang, actions: ShowAllActions): void {
    const id = drawable.kind === 'diagram' ? drawable.tree?.tree.id : undefined;
    if (drawable.kind === 'diagram' && drawable.focus?.tooLarge) {
        const { left, total, tooLarge } = drawable.focus;
        replace(notice, h('span', {}, t.focusTooLarge(left, total, describeExcess(tooLarge, lang))));
        notice.hidden = false;
    } else if (drawable.kind === 'diagram' && drawable.focus && id !== undefined) {
        replace(notice, h('span', {}, t.focusNotice(drawable.focus.left, drawable.focus.total)), ' ',
            button(t.showAll, () => actions.showAll(id), { class: 'show-all' }));
        notice.hidden = false;
    } else if (drawable.kind === 'diagram' && drawable.large && id !== undefined) {
        replace(notice, h('span', {}, t.allShown(drawable.large.total)), ' ',
            button(t.showFocus, () => actions.showFocus(id), { class: 'show-focus' }));
        notice.hidden = false;
    } else {
        notice.hidden = true;
        notice.replaceChildren();
    }
}
