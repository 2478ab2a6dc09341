/**
 * The extension's commands that the server's code lenses run. The client registers them
 * (extension/src/extension.ts); `noop` is for lenses that only inform.
 */
export const ClientCommands = {
    /** Arguments: `[documentUri]` (a string). */
    openPreviewToSide: 'handreiking.openPreviewToSide',
    /** Arguments: `[documentUri, treeName]`. */
    walkthrough: 'handreiking.walkthrough',
    /** No arguments: runs every scenario in the Testing view. */
    runScenarios: 'handreiking.runScenarios',
    /** Arguments: `[documentUri, calculationName, inputs]` (inputs: `CalculationInput[]` of protocol.ts). */
    calculate: 'handreiking.calculate',
    /** No arguments, does nothing: LSP requires a command on a lens, even an informative one. */
    noop: 'handreiking.noop'
} as const;
