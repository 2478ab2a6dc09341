import { isReference, type AstNode, type LangiumDocument, type Reference } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver';
import { isAdvies, isAntwoord, isStap, type Knoop } from '../../generated/ast.js';
import type { HandreikingServices } from '../../handreiking-module.js';
import { elementKind } from '../node-kinds/element-kinds.js';
import { lspTexts } from '../lsp-messages.js';
import { oneLine, shorten } from '../markdown.js';

/** The client setting (section `handreiking`) that turns the hints off: `handreiking.inlayHints.enabled`. */
export const InlayHintSetting = { section: 'handreiking', key: 'inlayHints', enabled: 'enabled' } as const;

/** How much of the target's text a hint shows. */
const HINT_LENGTH = 32;

/**
 * After each arrow `-> Naam` (an answer, a step's next node, `daarna`) the start of the target's
 * text, so a tree reads without jumping to its nodes. Off when the client's setting
 * `handreiking.inlayHints.enabled` is false; a change of the setting asks the client to refresh.
 */
export class HandreikingInlayHintProvider extends AbstractInlayHintProvider {
    private readonly services: HandreikingServices;
    private refreshSupported = false;

    constructor(services: HandreikingServices) {
        super();
        this.services = services;
        const shared = services.shared;
        shared.lsp.LanguageServer.onInitialize(params => {
            this.refreshSupported = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
        });
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === InlayHintSetting.section && this.refreshSupported) {
                void shared.lsp.Connection?.languages.inlayHint.refresh().catch(() => undefined);
            }
        });
    }

    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken?: CancellationToken): Promise<InlayHint[] | undefined> {
        if (!(await this.enabled())) return [];
        return super.getInlayHints(document, params, cancelToken);
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (isAntwoord(node)) this.hintAfter(node.doel, acceptor);
        else if (isStap(node)) this.hintAfter(node.volgende, acceptor);
        else if (isAdvies(node)) node.daarna.forEach(ref => this.hintAfter(ref, acceptor));
    }

    private hintAfter(reference: Reference<Knoop> | undefined, acceptor: InlayHintAcceptor): void {
        const target = reference?.ref;
        const refNode = reference?.$refNode;
        if (!isReference(reference) || !target || !refNode || !target.tekst) return;
        const kind = elementKind(target.$type);
        const t = lspTexts(this.services.i18n.Locale.lang);
        acceptor({
            position: refNode.range.end,
            label: `“${shorten(target.tekst, HINT_LENGTH)}”`,
            paddingLeft: true,
            tooltip: `${kind ? t[kind.word]() : target.$type} ${target.name}: ${oneLine(target.tekst)}`
        });
    }

    private async enabled(): Promise<boolean> {
        const setting: unknown = await this.services.shared.workspace.ConfigurationProvider.getConfiguration(InlayHintSetting.section, InlayHintSetting.key);
        return !(typeof setting === 'object' && setting !== null && (setting as Record<string, unknown>)[InlayHintSetting.enabled] === false);
    }
}
