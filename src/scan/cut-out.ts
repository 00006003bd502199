/** A piece of a scanned page, straightened, as a PNG: what a typist reads an answer from. */
import sharp from 'sharp'
import type { Rect } from '#src/mailmerge/paper-layout.ts'
import type { PlacedPage } from './types.ts'

/** The area `rect` (page points) of the page, with `margin` points around it, at the scan's resolution. */
export async function cutOut(page: PlacedPage, rect: Rect, margin = 6): Promise<Buffer> {
  const { image, placement } = page
  const [a, b, c, d, e, f] = placement.transform
  const step = 1 / placement.scale
  const x0 = rect.x - margin
  const y0 = rect.y - margin
  const width = Math.max(1, Math.round((rect.width + 2 * margin) * placement.scale))
  const height = Math.max(1, Math.round((rect.height + 2 * margin) * placement.scale))
  const out = new Uint8Array(width * height).fill(255)
  for (let row = 0; row < height; row++) {
    const y = y0 + (row + 0.5) * step
    for (let column = 0; column < width; column++) {
      const x = x0 + (column + 0.5) * step
      const px = Math.floor(a * x + b * y + c)
      const py = Math.floor(d * x + e * y + f)
      if (px >= 0 && py >= 0 && px < image.width && py < image.height)
        out[row * width + column] = image.data[py * image.width + px]!
    }
  }
  return sharp(out, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer()
}
