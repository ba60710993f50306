/**
 * The modeler's shortcuts (Ctrl+Z, Ctrl+Y, Delete, Ctrl+A…) from anywhere on the page: diagram-js
 * listens on the canvas only once it has focus, so a key pressed after the context pad or a toolbar
 * button took it would do nothing. Keys typed into the properties panel or any other field stay there.
 */
const TYPING = 'input, textarea, select, [contenteditable], .bio-properties-panel';

interface FocusableCanvas {
  focus(): void;
  isFocused(): boolean;
  getContainer(): HTMLElement;
}

export class PageKeyboard {
  static $inject = ['eventBus', 'canvas'];

  constructor(eventBus: { on(event: string, callback: () => void): void }, canvas: FocusableCanvas) {
    const forward = (event: KeyboardEvent) => {
      const target = event.target as Element | null;
      if (event.defaultPrevented || canvas.isFocused() || target?.closest?.(TYPING) || canvas.getContainer().contains(target)) return;
      canvas.focus();
      const copy = new KeyboardEvent('keydown', event);
      document.activeElement?.dispatchEvent(copy);
      if (copy.defaultPrevented) event.preventDefault();
    };
    eventBus.on('import.done', () => canvas.focus());
    document.addEventListener('keydown', forward);
    eventBus.on('diagram.destroy', () => document.removeEventListener('keydown', forward));
  }
}

export const PageKeyboardModule = {
  __init__: ['motcuaPageKeyboard'],
  motcuaPageKeyboard: ['type', PageKeyboard],
};
