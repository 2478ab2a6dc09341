/**
 * The reasons in the funding matrix show on hover and on keyboard focus (CSS); WCAG 1.4.13 wants
 * such content dismissible without moving the pointer or the focus: Escape hides the reason of the
 * cell that has the focus or the pointer, until the reader leaves that cell.
 */
export function dismissibleTips(root: Document): void {
    let hovered: HTMLElement | undefined;
    root.addEventListener('pointerover', event => {
        hovered = event.target instanceof Element ? event.target.closest<HTMLElement>('td') ?? undefined : undefined;
    });
    root.addEventListener('keydown', event => {
        if (event.key !== 'Escape') return;
        const active = root.activeElement instanceof HTMLElement ? root.activeElement.closest<HTMLElement>('td') : null;
        for (const cell of [active, hovered]) {
            if (cell?.querySelector('.hrk-tip')) cell.classList.add('hrk-tip-dismissed');
        }
    });
    const undismiss = (event: Event) => {
        const cell = event.target instanceof Element ? event.target.closest('td') : null;
        cell?.classList.remove('hrk-tip-dismissed');
    };
    root.addEventListener('focusout', undismiss);
    root.addEventListener('pointerout', undismiss);
}
