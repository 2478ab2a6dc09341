import type { Typologie } from '../generated/ast.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { LspCatalogue } from './lsp-messages.js';

/**
 * How many funding sources apply to a typology, and which of them are structural (the guide's
 * "financiering sluitend"), in one line: the typology's code lens in VS Code and its hover (the
 * browser edition shows no code lenses) say it the same way. Workspace-wide, as the checks count.
 */
export function typologyFunding(model: WorkspaceModel, typologie: Typologie, t: LspCatalogue): string {
    const applicability = model.applicability();
    const sources = model.financieringen().filter(f => applicability.get(f)?.has(typologie));
    const structural = sources.filter(f => f.termijn[0] === 'structureel').map(f => f.name);
    return t.lensFunding({ aantal: sources.length, structureel: structural.length > 0 ? structural.join(', ') : t.none() });
}
