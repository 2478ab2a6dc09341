// ESLint for every hand-written file: the language, the extension and its webview, the tests, the
// fuzzer, the benchmark and the scripts (`npm run lint`, run by .ci/run; no warnings allowed).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
    {
        // Generated or built, never edited by hand.
        ignores: [
            '**/node_modules/**',
            'language/generated/**',
            'extension/syntaxes/**',
            'out/**',
            'dist/**',
            '.cache/**',
            'test-results/**',
            'uitvoer/**'
        ]
    },
    js.configs.recommended,
    tseslint.configs.recommended,
    {
        languageOptions: {
            ecmaVersion: 2023,
            sourceType: 'module',
            // Node for the language, CLI, tests and scripts; browser for the webview, the guide app
            // and code that tests run inside a page.
            globals: { ...globals.node, ...globals.browser }
        },
        rules: {
            // Rules that catch real bugs rather than style.
            eqeqeq: ['error', 'always'],
            'no-throw-literal': 'error',
            'no-self-compare': 'error',
            'no-constructor-return': 'error',
            'no-unreachable-loop': 'error',
            'no-var': 'error',
            'prefer-const': 'error',
            // Deliberate: terminal-safe output, clean text and the security tests match control
            // characters on purpose, to strip or to find them.
            'no-control-regex': 'off',
            // Deliberate: the custom LSP messages are `namespace XRequest { method; type }` in one
            // protocol module, as in Langium's and Safe-DS's protocol files.
            '@typescript-eslint/no-namespace': 'off',
            '@typescript-eslint/no-unused-vars': ['error', {
                argsIgnorePattern: '^_',
                varsIgnorePattern: '^_',
                caughtErrorsIgnorePattern: '^_'
            }]
        }
    },
    {
        // The command's entry is a CommonJS script (bin/package.json says so; bin/handreiking.js why).
        files: ['bin/**/*.js'],
        languageOptions: { sourceType: 'commonjs' },
        rules: { '@typescript-eslint/no-require-imports': 'off' }
    },
    {
        // Rules that need the types: a promise nobody awaits loses its errors (an export that
        // fails silently, a test that passes before its check ran). TypeScript files only, each
        // with the types of the tsconfig that holds it (the nearest one); the plain JavaScript of
        // scripts/, fuzz/*.mjs and bin/ has no types to check this with.
        files: ['**/*.ts'],
        languageOptions: {
            parserOptions: {
                projectService: {
                    // In test/tsconfig.json, but the nearest tsconfig is the language's.
                    allowDefaultProject: ['vitest.config.ts']
                },
                tsconfigRootDir: import.meta.dirname
            }
        },
        rules: {
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/await-thenable': 'error',
            '@typescript-eslint/no-misused-promises': 'error'
        }
    }
);
