/** A rendered diagram as files: a standalone SVG document, and a PNG drawn from it. */

/** The SVG as a standalone XML document (render() gives HTML serialisation: `<br>` in labels). */
export function svgMarkupToXml(markup: string): string {
    const holder = document.createElement('div');
    // Mermaid's own output, sanitised by it under securityLevel 'strict'.
    holder.innerHTML = markup;
    const svg = holder.querySelector('svg');
    if (!svg) throw new Error('Mermaid returned no SVG');
    const box = svg.viewBox.baseVal;
    if (box && box.width > 0 && box.height > 0) {
        svg.setAttribute('width', String(box.width));
        svg.setAttribute('height', String(box.height));
        svg.style.removeProperty('max-width');
    }
    const xml = new XMLSerializer().serializeToString(svg);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
}

/** The width and height (CSS pixels) of a standalone SVG made by `svgMarkupToXml`. */
export function svgSize(xml: string): { width: number; height: number } {
    const root = new DOMParser().parseFromString(xml, 'image/svg+xml').documentElement;
    return { width: Number(root.getAttribute('width')) || 0, height: Number(root.getAttribute('height')) || 0 };
}

/**
 * The SVG drawn at `scale`× onto a canvas with a white background, as a `data:image/png;base64,…`
 * URL. The image is loaded from a data: URL (the CSP allows `img-src data:`, not blob:).
 */
export async function svgXmlToPng(xml: string, scale = 2, background = '#ffffff'): Promise<string> {
    const image = new Image();
    const loaded = new Promise<void>((resolve, reject) => {
        image.onload = () => resolve();
        image.onerror = () => reject(new Error('the SVG could not be loaded as an image'));
    });
    image.src = `data:image/svg+xml;base64,${base64Utf8(xml)}`;
    await loaded;
    // The image's natural size is rounded down; the SVG's own width and height are exact.
    const root = new DOMParser().parseFromString(xml, 'image/svg+xml').documentElement;
    const width = Number(root.getAttribute('width')) || image.naturalWidth;
    const height = Number(root.getAttribute('height')) || image.naturalHeight;
    if (width <= 0 || height <= 0) throw new Error('the SVG has no size');
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = canvas.toDataURL('image/png');
    // A canvas beyond the browser's limits gives "data:," instead of an error.
    if (!png.startsWith('data:image/png;base64,')) throw new Error('the browser could not make a PNG this large');
    return png;
}

function base64Utf8(text: string): string {
    const bytes = new TextEncoder().encode(text);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
}
