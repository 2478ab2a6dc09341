/**
 * CPU time this thread spends in `action`, in ms (user and system). The "stays fast" checks of the
 * regression tests compare this, not time on the clock: with other processes keeping the machine
 * busy (test files in parallel, other work) the clock runs on while this thread waits its turn, but
 * the work it does stays the same. A quadratic slip still shows: it multiplies the CPU time.
 */
export async function cpuTimeOf<T>(action: () => T | Promise<T>): Promise<{ value: T; cpuMs: number }> {
    const before = process.threadCpuUsage();
    const value = await action();
    const after = process.threadCpuUsage();
    return { value, cpuMs: (after.user - before.user + after.system - before.system) / 1000 };
}
