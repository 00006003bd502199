/**
 * The summary (Samenvatting): the overall grade against the previous round and the
 * reference group, as the raadsbrief puts it (S001:1-55), and the largest changes.
 */
import type { Paragraph, Table } from 'docx'
import type { DocxContext } from '#src/report/docx/context.ts'
import { table } from '#src/report/docx/table.ts'
import { caption, heading, paragraph } from '#src/report/docx/text.ts'
import { formatDifference, formatFigure, formatMean, formatPercent } from '#src/report/format.ts'
import type { Change, Line } from '#src/report/model.ts'

type Content = Array<Paragraph | Table>

function gradeText(context: DocxContext): Content {
  const { report, t } = context
  const grade = report.summary.grade
  if (!grade?.line.current) return []
  const sentences = [
    t('report.summary.grade', { mean: formatMean(grade.line.current.value), question: grade.question }),
  ]
  const previous = report.trendRounds[0]
  const before = grade.line.trend[0]
  if (previous && before?.figure) {
    const round = previous.label
    sentences.push(t('report.summary.gradePrevious', { round, mean: formatMean(before.figure.value) }))
    const verdicts: Record<'higher' | 'lower' | 'none', string> = {
      higher: t('report.summary.gradeHigher', { round }),
      lower: t('report.summary.gradeLower', { round }),
      none: t('report.summary.gradeSame', { round }),
    }
    sentences.push(verdicts[before.change ?? 'none'])
  }
  const reference = grade.line.reference
  if (reference && reference !== 'ownQuestion' && reference.figure) {
    sentences.push(t('report.summary.gradeReference', { mean: formatMean(reference.figure.value) }))
    const verdicts: Record<NonNullable<Change> | 'none', string> = {
      higher: t('report.summary.referenceHigher'),
      lower: t('report.summary.referenceLower'),
      none: t('report.summary.referenceSame'),
    }
    sentences.push(verdicts[reference.change ?? 'none'])
  }
  const belowSix = [] as string[]
  if (grade.belowSix.current) {
    belowSix.push(t('report.summary.belowSix', { share: formatPercent(grade.belowSix.current.value) }))
    const ref = grade.belowSix.reference
    if (ref && ref !== 'ownQuestion' && ref.figure)
      belowSix.push(t('report.summary.belowSixReference', { share: formatPercent(ref.figure.value) }))
  }
  return [paragraph(sentences.join(' ')), ...(belowSix.length ? [paragraph(belowSix.join(' '))] : [])]
}

function value(line: Line, figure: Line['current']): string {
  return figure ? formatFigure(line.statistic, figure) : ''
}

function changes(context: DocxContext): Content {
  const { report, t } = context
  const previous = report.trendRounds[0]
  if (!previous) return []
  const round = previous.label
  const title = t('report.summary.changesTitle', { round })
  if (report.summary.largestChanges.length === 0)
    return [heading(title, 2), paragraph(t('report.summary.noChanges', { round }))]
  return [
    heading(title, 2),
    paragraph(t('report.summary.changesIntro', { round })),
    caption(t('report.table.titleWithoutN', { number: context.nextTable(), title })),
    table({
      header: [
        t('report.summary.line'),
        t('report.summary.chapter'),
        report.currentLabel,
        round,
        t('report.summary.difference'),
      ],
      firstColumnShare: 0.4,
      rows: report.summary.largestChanges.map(({ chapter, line, difference }) => [
        line.label,
        chapter,
        value(line, line.current),
        value(line, line.trend[0]?.figure ?? null),
        line.statistic === 'mean'
          ? formatDifference(line.statistic, difference)
          : t('report.summary.percentagePoints', { difference: formatDifference(line.statistic, difference) }),
      ]),
    }),
  ]
}

export function summary(context: DocxContext): Content {
  return [
    heading(context.t('report.summary.title'), 1, { pageBreakBefore: true }),
    ...gradeText(context),
    ...changes(context),
  ]
}
