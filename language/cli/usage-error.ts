/** A problem with how the command was called (exit code 2), as opposed to problems in the guide (exit 1). */
export class UsageError extends Error {}

export const ExitCode = {
    Ok: 0,
    Problems: 1,
    Usage: 2
} as const;
