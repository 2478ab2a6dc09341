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
