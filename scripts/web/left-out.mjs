// Modules the browser edition never runs, replaced by a stub that throws when called. An IIFE bundle
// (file:// allows no module chunks) would otherwise carry everything that is imported lazily.
//
// The editor: monaco-languageclient imports these for configurations we do not use ('extended'
// highlighting with TextMate and themes, the views and workbench layouts), and the text file
// service imports the encoding libraries only to read files in other encodings than UTF-8 from a
// disk the page does not have: about 1.5 MB.
export const editorLeftOut = [
    '@codingame/monaco-vscode-textmate-service-override',
    '@codingame/monaco-vscode-theme-service-override',
    '@codingame/monaco-vscode-languages-service-override',
    '@codingame/monaco-vscode-views-service-override',
    '@codingame/monaco-vscode-workbench-service-override',
    '@codingame/monaco-vscode-theme-defaults-default-extension',
    '@vscode/iconv-lite-umd',
    'jschardet'
];

// The preview: Mermaid's layout engines for diagrams the preview never draws. The preview draws
// flowcharts with dagre (language/generation/mermaid/mermaid-config.ts); ELK is only for the
// `flowchart-elk` layout and cytoscape only for mindmaps and architecture diagrams: about 2 MB.
export const previewLeftOut = ['elkjs/lib/elk.bundled.js', 'cytoscape', 'cytoscape-fcose', 'cytoscape-cose-bilkent'];

export function leaveOut(leftOut) {
    const filter = new RegExp(`^(${leftOut.map(name => name.replace(/[/.-]/g, c => `\\${c}`)).join('|')})$`);
    return {
        name: 'handreiking-leave-out',
        setup(build) {
            build.onResolve({ filter }, args => ({ path: args.path, namespace: 'left-out' }));
            build.onLoad({ filter: /.*/, namespace: 'left-out' }, args => ({
                contents: `const missing = () => { throw new Error(${JSON.stringify(`${args.path} is not part of the browser edition`)}); };
export default missing; export const getDecoder = missing, getEncoder = missing, encodingExists = missing, detect = missing;`,
                loader: 'js'
            }));
        }
    };
}

// The preview draws flowcharts only (`flowchart TD`/`LR`, language/generation/mermaid/). Mermaid
// loads every other diagram type on demand (`import("./chunks/mermaid.core/<type>Diagram-<hash>.mjs")`
// in mermaid.core.mjs), but a classic-script bundle has to carry them all: with them go the parser
// package of the newer diagram types and its Chevrotain, about 1.5 MB of the first load. Each
// such import becomes a module that fails when it is loaded, naming the diagram type; the flowchart
// module (flowDiagram-…) stays. Only imports from Mermaid's own dist are matched.
const mermaidDiagramChunk = /^\.\/chunks\/mermaid\.core\/((?!flowDiagram-)[A-Za-z0-9-]*?(?:Diagram|definition|diagram)(?:-v2)?)-[A-Z0-9]+\.mjs$/;

export function leaveOutMermaidDiagrams() {
    return {
        name: 'handreiking-leave-out-mermaid-diagrams',
        setup(build) {
            build.onResolve({ filter: /^\.\/chunks\/mermaid\.core\// }, args => {
                const match = mermaidDiagramChunk.exec(args.path);
                if (!match || !/[\\/]mermaid[\\/]dist[\\/]mermaid\.core\.mjs$/.test(args.importer)) return undefined;
                return { path: match[1], namespace: 'left-out-diagram' };
            });
            build.onLoad({ filter: /.*/, namespace: 'left-out-diagram' }, args => ({
                contents: `throw new Error(${JSON.stringify(`Mermaid's ${args.path} is not part of the browser edition's preview, which draws flowcharts only`)});\nexport const diagram = undefined;`,
                loader: 'js'
            }));
        }
    };
}
