/**
 * Building blocks shared by the diagram generators. Nothing here takes user text: class names and
 * styles are fixed, ids are synthetic.
 */

/**
 * Every statement that carries a label ends in `;`. Mermaid's renderer strips the last `;` of any
 * line matching `style…:…#…;` (meant for `style` statements, but it also hits a label that says
 * "style:#…"); with a terminator there, it strips the terminator instead of an entity's `;`.
 */
export const END = ';';

/** `class a,b name` lines, one per class in the order given, for the classes that have ids. */
export function classStatements(classes: ReadonlyArray<readonly [name: string, ids: readonly string[]]>): string[] {
    return classes.filter(([, ids]) => ids.length > 0).map(([name, ids]) => `    class ${ids.join(',')} ${name}`);
}

/** `classDef` lines for a fixed record of class name → style. */
export function classDefStatements(defs: Readonly<Record<string, string>>): string[] {
    return Object.entries(defs).map(([name, style]) => `    classDef ${name} ${style}`);
}
