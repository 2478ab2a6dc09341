// Types for the tests that import the bundler script (bundle-guide-app.mjs is plain JavaScript).

/** Type-checks the guide's browser app; throws with tsc's output when it has errors. */
export function typecheckGuideApp(): void;

/** Bundles the guide's browser app (type-checked first unless `typecheck` is false); resolves to the file written. */
export function bundleGuideApp(options?: { typecheck?: boolean; outfile?: string }): Promise<string>;
