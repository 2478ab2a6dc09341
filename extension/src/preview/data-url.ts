/**
 * The bytes of a `data:image/png;base64,…` URL from the webview, with `atob` rather than Node's
 * Buffer, so that the same code runs in VS Code for the web (extension/browser/).
 */
export function dataUrlBytes(dataUrl: string): Uint8Array {
    const binary = atob(dataUrl.replace(/^data:[^,]*,/, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
}
