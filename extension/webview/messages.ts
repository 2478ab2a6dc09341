import type { SourceJson } from '../../language/generation/json/handreiking-json.js';
import type { PreviewData } from '../../language/lsp/protocol.js';

/**
 * Messages between the extension and its preview webview. The webview draws and reports user
 * actions; the extension owns the editor, files and the language client.
 */

export type ToWebview =
    /** New data for the document (latest wins; identical Mermaid text is not redrawn). */
    | { type: 'update'; data: PreviewData }
    /**
     * The cursor moved: highlight this node (or none), and show its tree; `scenario`: the name of
     * the calculation scenario it is in, whose outcome the page shows (from the data's calculationScenarios).
     */
    | { type: 'cursor'; tree?: string; node?: string; scenario?: string }
    /** Show a view: a tree, the typology table or the funding overview. */
    | { type: 'show'; view: PreviewView }
    /** Settings that affect drawing. */
    | { type: 'settings'; theme: 'auto' | 'light' | 'dark' | 'high-contrast'; renderDelay: number; largeDiagramThreshold: number }
    /** The command "Dekking tonen/verbergen": the overlay on or off (the page then says so with `coverage`). */
    | { type: 'coverage'; shown: boolean }
    /** Start the walkthrough of a tree (from a question, or from the start). */
    | { type: 'walk'; tree: string; from?: string }
    /** Render every tree and send it back (for the SVG/PNG export commands). */
    | { type: 'renderAll'; format: 'svg' | 'png'; requestId: number };

export type PreviewView =
    | { kind: 'tree'; tree: string }
    | { kind: 'typologies' }
    | { kind: 'funding' };

export type FromWebview =
    | { type: 'ready' }
    /** The user clicked a node: select its definition in the editor. */
    | { type: 'reveal'; tree: string; node?: string }
    /** A click on an element of a workspace-wide view (funding overview): open where it is written. */
    | { type: 'revealSource'; source: SourceJson }
    /** The user picked a view in the webview. */
    | { type: 'viewChanged'; view: PreviewView }
    /** "Bereken…" for the calculation an advice refers to: the extension runs the command with the data's inputs. */
    | { type: 'calculate'; calculation: string }
    /** "Bewaar als scenario": the extension inserts a scenario block with an undoable edit. */
    | { type: 'saveScenario'; tree: string; answers: Array<{ question: string; answer: string }>; expected: string }
    /** Export of the current view: SVG text, PNG as a base64 data URL, or the Mermaid text. */
    | { type: 'export'; format: 'svg' | 'png' | 'mermaid'; name: string; data: string }
    /** Copy to the clipboard (the webview has no clipboard access under its CSP). */
    | { type: 'copy'; text: string }
    /** Rendered trees for a renderAll request; none when a tree could not be drawn (`failed` says why, per tree). */
    | { type: 'rendered'; requestId: number; files: Array<{ name: string; data: string }>; failed: string[] }
    /** The coverage overlay is on or off: the extension asks the server for the coverage with the data (or no longer). */
    | { type: 'coverage'; shown: boolean }
    /** "Vergelijk…": the extension asks which version to compare with; `stop`: compare no more. */
    | { type: 'compare'; stop?: boolean }
    /** Something went wrong while drawing: the extension logs it. */
    | { type: 'error'; message: string };
