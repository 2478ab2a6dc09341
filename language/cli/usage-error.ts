/** A problem with how the command was called (exit code 2), as opposed to problems in the guide (exit 1). */
export class UsageError extends Error {}

/** Something in the guide that stops an export before it writes anything, such as a tree too large to draw (exit code 1). */
export class ExportProblem extends Error {}

export const ExitCode = {
    Ok: 0,
    Problems: 1,
    Usage: 2
} as const;
