/**
 * The report as one standalone HTML file (`peiling report --format html`): the article of
 * the report page (views/staff/report/article.eta), rendered with the same templates and
 * number formats as the page, without the staff console around it or the form to choose
 * comparisons. The stylesheets go inside the file, so it reads the same when mailed on.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Eta } from 'eta'
import { translator } from '#src/i18n/translate.ts'
import { gradeDistributionSvg, statementsSvg } from '#src/report/charts/index.ts'
import { formatDecimal, formatDifference } from '#src/report/format.ts'
import type { Report } from '#src/report/model.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'

const VIEWS = fileURLToPath(new URL('../../../../views', import.meta.url))

/**
 * The staff stylesheet (table alignment, text for screen readers only) and the report's
 * own, where there is one: read at each run, so a changed file counts without a restart.
 */
const STYLESHEETS = ['staff.css', 'report.css'].map((file) =>
  fileURLToPath(new URL(`../../../../public/${file}`, import.meta.url)),
)

/** What the report's templates need besides the report: the page passes the same. */
export function reportViewData(report: Report) {
  return {
    report,
    // The report itself is in Dutch, for the council, whatever the reader's language.
    rt: translator('nl'),
    fmt: numberFormats('nl'),
    fmtDecimal: formatDecimal,
    fmtDifference: formatDifference,
    gradeChart: gradeDistributionSvg,
    statementsChart: statementsSvg,
  }
}

export function renderReportHtml(report: Report): string {
  const css = STYLESHEETS.filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n')
  const eta = new Eta({ views: VIEWS, autoEscape: true })
  return eta.render('staff/report/document', { ...reportViewData(report), css })
}
