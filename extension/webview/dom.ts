// The preview builds its DOM with the same helpers as the HTML guide: one way to show user text.
export * from '../../language/browser/dom.js';
