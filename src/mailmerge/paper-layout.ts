/**
 * Where the answers of a printed form are: every tick box with the field and value it
 * stands for, and every area written by hand (digits, texts), per page, in points from
 * the top-left corner of the A4 page. A form is laid out once per language and stratum
 * (see PaperForms), so the layout recorded while its first form is drawn holds for every
 * form of that pair: a scanned page is read against it (src/scan).
 *
 * Field names are the keying screen's (`variable`): the question id, `<question>_<item>`
 * for a statement, ranking or sum item, `<question>_other` for an "anders, namelijk" text.
 */
import { REGISTRATION_MARKS } from './registration-marks.ts'
import type { Rect } from './units.ts'
import { A4 } from './units.ts'

export type { Rect } from './units.ts'

/** A box that is ticked or not: the value it gives its field. */
export interface TickArea {
  kind: 'tick'
  variable: string
  value: number
  rect: Rect
}

/** Something written by hand (digits in boxes, a text on lines): cut out for a typist to read. */
export interface WriteArea {
  kind: 'write'
  variable: string
  /** Digit boxes hold a number; lines hold a text. */
  holds: 'number' | 'text'
  rect: Rect
}

export type LayoutArea = TickArea | WriteArea

export interface PageLayout {
  /** 1-based page of the form. */
  page: number
  areas: LayoutArea[]
}

/** The version of this structure: a stored layout of another version is not read with this code. */
export const FORM_LAYOUT_VERSION = 1

export interface FormLayout {
  version: typeof FORM_LAYOUT_VERSION
  /** The page size the points refer to. */
  page: { width: number; height: number }
  /** The registration marks every page carries (filled squares). */
  marks: readonly Rect[]
  /** Language and stratum the form was laid out for. */
  lang: string
  stratum?: string
  pages: PageLayout[]
}

/** Collects the areas of one form while it is drawn; the form writer says which page it is on. */
export class LayoutRecorder {
  private readonly byPage: PageLayout[] = []
  private current: PageLayout | undefined

  /** From now on, areas belong to page `page` (1-based). */
  startPage(page: number): void {
    this.current = { page, areas: [] }
    this.byPage.push(this.current)
  }

  add(area: LayoutArea): void {
    if (!this.current) throw new Error('A layout area was drawn before the first page')
    this.current.areas.push(area)
  }

  layout(lang: string, stratum: string | undefined): FormLayout {
    return {
      version: FORM_LAYOUT_VERSION,
      page: { width: A4.width, height: A4.height },
      marks: REGISTRATION_MARKS,
      lang,
      ...(stratum ? { stratum } : {}),
      pages: this.byPage.map((page) => ({ page: page.page, areas: [...page.areas] })),
    }
  }
}
