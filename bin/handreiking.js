#!/usr/bin/env node
// The `handreiking` command. The TypeScript sources are compiled to out/ by `npm run build`.
import { run } from '../out/language/cli/main.js';

process.exitCode = await run(process.argv);
