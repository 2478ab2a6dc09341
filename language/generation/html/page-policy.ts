/**
 * The Content Security Policy of every page we make, the HTML guide and the preview webview, from
 * one builder: nothing is allowed unless the page names it (`default-src 'none'`), there is no
 * `connect-src` (nothing may be fetched), and every source is checked to be one source, so that no
 * value (a nonce, VS Code's `cspSource`) can add a directive or a second policy.
 */

export interface PagePolicy {
    /** Script sources: `nonceSource(…)`, `'sha256-…'` hashes, the webview's origin. */
    scripts: readonly string[];
    /** Style sources. Mermaid writes inline styles into its SVG, so both pages need `'unsafe-inline'`. */
    styles: readonly string[];
    images: readonly string[];
    fonts: readonly string[];
    /** Adds `base-uri 'none'` and `form-action 'none'`: for a page that stands on its own (the guide). */
    noBaseOrForms?: boolean;
}

/** One source expression: no spaces, and none of the separators of directives (`;`) and policies (`,`). */
const oneSource = /^[^\s;,]+$/;

export function contentSecurityPolicy(policy: PagePolicy): string {
    const directive = (name: string, sources: readonly string[]) => {
        // Several sources in one string (VS Code's `cspSource` may hold two) are split at spaces;
        // any other white space, a line break above all, is refused with the rest.
        const tokens = sources.flatMap(s => s.split(' ')).filter(s => s.length > 0);
        const bad = tokens.find(s => !oneSource.test(s));
        if (bad !== undefined || tokens.length === 0) throw new Error(`${name}: not a CSP source: ${JSON.stringify(bad ?? sources)}`);
        return `${name} ${tokens.join(' ')}`;
    };
    return [
        "default-src 'none'",
        directive('script-src', policy.scripts),
        directive('style-src', policy.styles),
        directive('img-src', policy.images),
        directive('font-src', policy.fonts),
        ...(policy.noBaseOrForms ? ["base-uri 'none'", "form-action 'none'"] : [])
    ].join('; ');
}

/** The source for a script with this nonce; anything but base64 would end the source early. */
export function nonceSource(nonce: string): string {
    if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error('not a nonce: it must be base64 or alphanumeric');
    return `'nonce-${nonce}'`;
}
