import { SingleBar } from 'cli-progress';

/** A progress bar on the terminal for a long export (SVG and PNG of several trees), cleared at the end. */
export function progressBar(label: string): { update: (done: number, total: number, tree: string) => void; stop: () => void } {
    const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {tree}`, stream: process.stderr, hideCursor: true, clearOnComplete: true });
    let started = false;
    return {
        update(done, total, tree) {
            if (!started) bar.start(total, 0, { tree: '' });
            started = true;
            bar.update(done, { tree });
        },
        stop() {
            if (started) bar.stop();
        }
    };
}
