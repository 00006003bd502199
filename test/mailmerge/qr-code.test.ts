/**
 * The letters' QR codes all use one mask (qr-code.ts says why): read back, many different
 * symbols at the letter's size must decode at 150 dpi, the resolution office scanners
 * and phone cameras see less than.
 */
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { generateLoginCode } from '#src/codes/login-code.ts'
import { drawQrCode } from '#src/mailmerge/qr-code.ts'
import { mm } from '#src/mailmerge/units.ts'
import { decodeSymbols, renderPages, renderToolsAvailable, useTempDir, writePdf } from './pdf-tools.ts'

const tools = renderToolsAvailable()
const tmp = useTempDir()

/** As on the letter: 24 mm wide, with a quiet zone of more than four modules around it. */
const SIZE = mm(24)
const COUNT = 70

describe('QR codes with the letters’ fixed mask', () => {
  it.skipIf(!tools)('decode at 150 dpi, every one of 70 different login URLs', async () => {
    const urls = Array.from({ length: COUNT }, () => `https://enquete.hengelo.nl/c/${generateLoginCode()}`)
    // A small page per symbol: zbarimg misses symbols on a page full of them, whatever their mask.
    const file = await writePdf(`${tmp.dir}/qr.pdf`, async (out) => {
      const doc = new PDFDocument({ size: [mm(40), mm(40)], margin: 0, autoFirstPage: false })
      doc.pipe(out)
      for (const url of urls) {
        doc.addPage()
        drawQrCode(doc, url, { x: mm(8), y: mm(8), size: SIZE })
      }
      doc.end()
      await new Promise((resolve) => out.on('finish', resolve))
    })
    const { pages } = await renderPages(file, tmp.dir, { dpi: 150 })
    const decoded = (await Promise.all(pages.map(decodeSymbols))).flat()
    expect(decoded.sort()).toEqual(urls.map((url) => `QR-Code:${url}`).sort())
  })
})
