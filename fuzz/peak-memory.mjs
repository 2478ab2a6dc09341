// Loaded with `node --import` into a command run by the fuzzer (fuzz/cli-runner.ts): when the
// process ends, it writes its peak memory (maxRSS, in kilobytes) and exit code to file descriptor 3,
// a pipe the fuzzer reads. Nothing else of the command changes.
import { writeSync } from 'node:fs';

process.on('exit', code => {
    try {
        writeSync(3, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, code }));
    } catch {
        // Not started by the fuzzer: there is no descriptor 3.
    }
});
