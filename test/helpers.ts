import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments, validationHelper, type ValidationResult } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createHandreikingServices, type HandreikingServices } from '../language/handreiking-module.js';
import type { Gids } from '../language/generated/ast.js';
import { exportWorkspaceJson } from '../language/generation/json/export-json.js';
import type { HandreikingJson } from '../language/generation/json/handreiking-json.js';

/** The date the tests are checked on, so HRK050 does not depend on the calendar. */
export const TEST_TODAY = '2026-11-27';

export function createTestServices(): HandreikingServices {
    const services = createHandreikingServices(EmptyFileSystem).Handreiking;
    services.i18n.Clock.fix(TEST_TODAY);
    return services;
}

/** Validates one document with every check category (the slow, workspace-wide ones too). */
export function validator(services: HandreikingServices): (text: string) => Promise<ValidationResult<Gids>> {
    const validate = validationHelper<Gids>(services);
    return text => validate(text, { validation: true });
}

/** Loads several documents as one workspace and validates them all. */
export async function validateFiles(services: HandreikingServices, files: Record<string, string>): Promise<Map<string, LangiumDocument<Gids>>> {
    const shared = services.shared;
    const docs = new Map<string, LangiumDocument<Gids>>();
    for (const [name, text] of Object.entries(files)) {
        const doc = shared.workspace.LangiumDocumentFactory.fromString<Gids>(text, URI.parse(`file:///ws/${name}`));
        shared.workspace.LangiumDocuments.addDocument(doc);
        docs.set(name, doc);
    }
    await shared.workspace.DocumentBuilder.build([...docs.values()], { validation: true });
    return docs;
}

export async function clearAll(services: HandreikingServices): Promise<void> {
    await clearDocuments(services.shared);
}

/**
 * The diagnostics without HRK060, the hint that content does not say where it comes from: tests of
 * other checks write content without `herkomst`, and assert that nothing else is reported.
 */
export function withoutProvenanceHints(diagnostics: readonly Diagnostic[] | undefined): Diagnostic[] {
    return (diagnostics ?? []).filter(d => d.code !== 'HRK060');
}

/** The diagnostics with one code. */
export function withCode(diagnostics: readonly Diagnostic[] | undefined, code: string): Diagnostic[] {
    return (diagnostics ?? []).filter(d => d.code === code);
}

/** The text a diagnostic's range covers, to assert that it points at the name or keyword. */
export function textAt(document: LangiumDocument, d: Diagnostic): string {
    return document.textDocument.getText(d.range);
}

/** Every `.hrk` file of the examples folder (or another folder), sorted. */
export function exampleFiles(dir = path.resolve(__dirname, '../examples')): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
        e.isDirectory() ? exampleFiles(path.join(dir, e.name)) : e.name.endsWith('.hrk') ? [path.join(dir, e.name)] : []
    ).sort();
}

/** Every `.hrk` file of the examples folder (or another folder) with its text, by its path relative to that folder. */
export function exampleWorkspace(dir = path.resolve(__dirname, '../examples')): Record<string, string> {
    return Object.fromEntries(exampleFiles(dir).map(f => [path.relative(dir, f).split(path.sep).join('/'), fs.readFileSync(f, 'utf-8')]));
}

/** The JSON export of these files, checked as one workspace, as `handreiking export json` makes it. */
export async function exportFiles(files: Record<string, string>): Promise<HandreikingJson> {
    const services = createTestServices();
    await validateFiles(services, files);
    const json = exportWorkspaceJson(services, '/ws');
    await clearAll(services);
    return json;
}

/** The JSON export of the examples: the realistic input of the generators and the pages. */
export function exampleJson(): Promise<HandreikingJson> {
    return exportFiles(exampleWorkspace());
}
