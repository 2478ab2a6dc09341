import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CalculateRequest, type CalculationInput } from '../../../language/lsp/protocol.js';

/** A number as in a `.hrk` file: a decimal comma, points between groups of three digits, an optional minus. */
const NUMBER = /^-?\s*(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?$/;

/**
 * "Bereken…" above a calculation (arguments: the document, the calculation's id, its inputs and its
 * title): asks for each input in turn (an optional one may stay empty),
 * lets the language server compute the outcome with the same evaluator as `handreiking test`, and
 * shows it with the inputs and named values. Escape at any input stops without computing.
 */
export function registerCalculateCommand(context: vscode.ExtensionContext, client: LanguageClient): void {
    context.subscriptions.push(vscode.commands.registerCommand('handreiking.calculate',
        async (uri?: string, calculation?: string, inputs?: CalculationInput[], title?: string) => {
            if (typeof uri !== 'string' || typeof calculation !== 'string' || !Array.isArray(inputs)) return;
            // The reader's name for it in the input boxes' title; the id where none is given.
            const shown = typeof title === 'string' && title ? title : calculation;
            const typed: Record<string, string> = {};
            for (const [index, input] of inputs.entries()) {
                const unit = input.unit ? ` (${input.unit})` : '';
                const value = await vscode.window.showInputBox({
                    title: vscode.l10n.t('Calculate {0} ({1} of {2})', shown, index + 1, inputs.length),
                    prompt: `${input.title}${unit}${input.optional ? ` — ${vscode.l10n.t('optional: leave empty if not known')}` : ''}`,
                    placeHolder: input.id,
                    ignoreFocusOut: true,
                    validateInput: text => {
                        const trimmed = text.trim();
                        if (trimmed === '' && input.optional) return undefined;
                        return NUMBER.test(trimmed) ? undefined : vscode.l10n.t('Type a number, for example 45, 2,5 or 100.000.');
                    }
                });
                if (value === undefined) return;
                typed[input.id] = value.trim();
            }
            const result = await client.sendRequest(CalculateRequest.type, { uri, calculation, inputs: typed });
            if (!result) {
                void vscode.window.showWarningMessage(vscode.l10n.t('Calculation {0} was not found.', calculation));
                return;
            }
            if (result.invalid.length > 0) {
                void vscode.window.showWarningMessage(vscode.l10n.t('Not a number: {0}', result.invalid.join(', ')));
                return;
            }
            void vscode.window.showInformationMessage(`${result.title}: ${result.outcome}`, { modal: true, detail: result.lines.join('\n') });
        }));
}
