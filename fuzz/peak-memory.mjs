// Loaded with `node --import` into a command run by the fuzzer (fuzz/cli-runner.ts): when the
// process ends, it writes its peak memory (maxRSS, in kilobytes), the processor time it used (user
// and system, in microseconds: unlike the wall time, not stretched by other work on the machine)
// and its exit code to file descriptor 3, a pipe the fuzzer reads. Nothing else of the command changes.
import { writeSync } from 'node:fs';

process.on('exit', code => {
    try {
        const usage = process.resourceUsage();
        writeSync(3, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime, code }));
    } catch {
        // Not started by the fuzzer: there is no descriptor 3.
    }
});
