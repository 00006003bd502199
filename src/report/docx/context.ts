/**
 * What every part of the Word file needs while it is built: the report, its texts, and
 * the running numbers of figures and tables ("Figuur 3", "Tabel 7").
 */
import type { Translate } from '#src/i18n/translate.ts'
import { translator } from '#src/i18n/translate.ts'
import type { Report } from '#src/report/model.ts'

export interface DocxContext {
  report: Report
  t: Translate
  nextFigure(): number
  nextTable(): number
}

export function docxContext(report: Report): DocxContext {
  let figures = 0
  let tables = 0
  return {
    report,
    // The report is written in Dutch for the council, whatever language staff read the site in.
    t: translator('nl'),
    nextFigure: () => ++figures,
    nextTable: () => ++tables,
  }
}
