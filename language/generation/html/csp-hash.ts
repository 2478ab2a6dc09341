/**
 * The CSP source for an inline script: `'sha256-…'` of the script's text as UTF-8. The generator
 * hashes exactly the text it writes, so the hash and the script cannot drift apart.
 */
export function cspHashSource(scriptText: string): string {
    return `'sha256-${process.getBuiltinModule('node:crypto').createHash('sha256').update(scriptText, 'utf-8').digest('base64')}'`;
}
