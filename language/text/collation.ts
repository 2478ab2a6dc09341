/**
 * The one order of names, paths and files in everything the toolkit writes or lists: Dutch
 * collation, whatever the machine's locale. `a.localeCompare(b)` without a locale follows the
 * machine (a Danish locale puts "aa" after "z", as "å"), so the same guide came out in another
 * order on another machine: its elements in the JSON and HTML, the lines of `check`, the files of a
 * `diff`, the names suggested for a typo. ICU's Dutch collation has no rules of its own, so the
 * order is the one English and most other locales gave (test/text/collation.test.ts).
 */
let collator: Intl.Collator | undefined;

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export function compareText(a: string, b: string): number {
    // Made at the first comparison: building ICU's collator costs some milliseconds, and a command
    // that sorts nothing should not pay them.
    collator ??= new Intl.Collator('nl');
    return collator.compare(a, b);
}
