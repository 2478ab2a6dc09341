// Types of what scripts/bundle-extension.mjs exports, for the tests that bundle test builds from it.
import type { BuildOptions } from 'esbuild';

export declare const serverBuild: BuildOptions;
export declare const previewBuild: BuildOptions;
