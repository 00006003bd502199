/**
 * The page and the styles of the Word file: A4 with 2,5 cm margins, and Word's own
 * heading styles (so the navigation pane and a table of contents work) in a plain look.
 */
import type { IStylesOptions } from 'docx'

/** A4 in twips (1/1440 inch). */
export const A4 = { width: 11906, height: 16838 }
const CM = 567
export const MARGIN = Math.round(2.5 * CM)
/** The width text and images may take, in twips. */
export const CONTENT_WIDTH = A4.width - 2 * MARGIN
/** The same in CSS pixels (96 to the inch), which is how docx sizes images. */
export const CONTENT_WIDTH_PX = Math.floor((CONTENT_WIDTH / 1440) * 96)

export const PAGE = {
  size: { width: A4.width, height: A4.height },
  margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 708, footer: 708 },
}

const HEADING_COLOUR = '1F4E79'

export const STYLES: IStylesOptions = {
  default: {
    // Dutch, so Word checks the spelling of what staff add in Dutch.
    document: {
      run: { font: 'Arial', size: 21, language: { value: 'nl-NL' } },
      paragraph: { spacing: { after: 120, line: 276 } },
    },
    title: {
      run: { font: 'Arial', size: 48, bold: true, color: HEADING_COLOUR },
      paragraph: { spacing: { after: 240 } },
    },
    heading1: {
      run: { font: 'Arial', size: 32, bold: true, color: HEADING_COLOUR },
      paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
    },
    heading2: {
      run: { font: 'Arial', size: 26, bold: true, color: HEADING_COLOUR },
      paragraph: { spacing: { before: 280, after: 120 }, keepNext: true },
    },
    heading3: {
      run: { font: 'Arial', size: 22, bold: true, color: '000000' },
      paragraph: { spacing: { before: 200, after: 100 }, keepNext: true },
    },
    caption: {
      run: { font: 'Arial', size: 18, bold: true, color: '000000' },
      paragraph: { spacing: { before: 160, after: 80 }, keepNext: true },
    },
  },
}
