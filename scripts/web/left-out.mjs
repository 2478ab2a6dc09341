// Modules of the Monaco/VS Code API stack that the browser edition never runs, replaced by a stub
// that throws when called: monaco-languageclient imports them lazily for configurations we do not
// use ('extended' highlighting with TextMate and themes, the views and workbench layouts), and the
// text file service imports the encoding libraries only to read files in other encodings than
// UTF-8 from a disk the page does not have. An IIFE bundle (file:// allows no module chunks) would
// otherwise carry them all: about 1.5 MB.
const leftOut = [
    '@codingame/monaco-vscode-textmate-service-override',
    '@codingame/monaco-vscode-theme-service-override',
    '@codingame/monaco-vscode-languages-service-override',
    '@codingame/monaco-vscode-views-service-override',
    '@codingame/monaco-vscode-workbench-service-override',
    '@codingame/monaco-vscode-theme-defaults-default-extension',
    '@vscode/iconv-lite-umd',
    'jschardet'
];

export function leaveOut() {
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
