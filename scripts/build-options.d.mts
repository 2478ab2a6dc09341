// Types of scripts/build-options.mjs, for the tests and the benchmark that import it.
import type { BuildOptions } from 'esbuild';

export declare function buildOptions(options?: { production?: boolean }): { extension: BuildOptions; server: BuildOptions; preview: BuildOptions; browserExtension: BuildOptions; browserServer: BuildOptions };
