/**
 * A canvas whose pixels we own: one ImageData, allocated once per size and
 * reused every frame. Without a 2D context (jsdom, a lost context) it stays
 * inert instead of throwing, so components render in tests.
 */

/** The canvas's 2D context, or null where there is none (jsdom throws or returns null). */
export function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  try {
    return canvas.getContext('2d');
  } catch {
    return null;
  }
}

export class PixelSurface {
  readonly size: number;
  private readonly context: CanvasRenderingContext2D | null;
  private readonly image: ImageData | null;

  /** Sizes the canvas to `size × size` device pixels (CSS scales it). */
  constructor(readonly canvas: HTMLCanvasElement, size: number) {
    this.size = size;
    if (canvas.width !== size) canvas.width = size;
    if (canvas.height !== size) canvas.height = size;
    this.context = context2d(canvas);
    this.image = this.context ? this.context.createImageData(size, size) : null;
  }

  /** The RGBA bytes to paint into, or null when there is nothing to draw on. */
  get pixels(): Uint8ClampedArray | null {
    return this.image ? this.image.data : null;
  }

  /** Puts the painted pixels on the canvas. */
  commit(): void {
    if (this.context && this.image) this.context.putImageData(this.image, 0, 0);
  }
}
