/**
 * Fits the whole diagram into the part of the canvas the palette (left) and the minimap (right)
 * leave free: bpmn-js's own fit-viewport uses the whole canvas, so the diagram opens partly hidden.
 */
const MARGIN = 24;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface ZoomableCanvas {
  zoom(level: 'fit-viewport', center: 'auto'): number;
  viewbox(box?: Box): Box & { inner: Box };
  getContainer(): HTMLElement;
}

function widthOf(container: HTMLElement, selector: string): number {
  const element = container.querySelector(selector);
  return element ? element.getBoundingClientRect().width : 0;
}

export function fitBesideControls(canvas: ZoomableCanvas): void {
  canvas.zoom('fit-viewport', 'auto');
  const container = canvas.getContainer();
  const { width, height } = container.getBoundingClientRect();
  const { inner } = canvas.viewbox();
  if (width === 0 || height === 0 || inner.width === 0 || inner.height === 0) return;
  const left = widthOf(container, '.djs-palette') + MARGIN;
  const right = widthOf(container, '.djs-minimap.open') + MARGIN;
  const free = { width: width - left - right, height: height - 2 * MARGIN };
  const scale = Math.min(1, free.width / inner.width, free.height / inner.height);
  const offsetX = left + (free.width - inner.width * scale) / 2;
  const offsetY = MARGIN + (free.height - inner.height * scale) / 2;
  canvas.viewbox({ x: inner.x - offsetX / scale, y: inner.y - offsetY / scale, width: width / scale, height: height / scale });
}
