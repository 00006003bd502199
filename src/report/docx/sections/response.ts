/**
 * Response and reliability (S001:1436-1514): the response table per municipality with the
 * verdicts, what the results are compared with, the weighting and the test of differences.
 */
import type { Paragraph, Table } from 'docx'
import type { DocxContext } from '#src/report/docx/context.ts'
import { table } from '#src/report/docx/table.ts'
import { caption, heading, paragraph } from '#src/report/docx/text.ts'
import { formatCount, formatDecimal, formatPercent } from '#src/report/format.ts'

type Content = Array<Paragraph | Table>

function responseTable(context: DocxContext): Content {
  const { report, t } = context
  const rows = report.response.map((row) => [
    row.municipality ?? t('report.response.total'),
    formatCount(row.writtenTo),
    formatCount(row.paper),
    formatCount(row.online),
    formatCount(row.completed),
    row.responseRate === null ? '' : formatPercent(row.responseRate),
    row.confidence === null ? '' : formatPercent(row.confidence, 1),
    row.verdict ? t(`report.response.verdicts.${row.verdict}`) : '',
  ])
  const totals = report.response.flatMap((row, i) => (row.municipality === null ? [i] : []))
  return [
    paragraph(t('report.response.intro')),
    caption(t('report.table.titleWithoutN', { number: context.nextTable(), title: t('report.response.tableTitle') })),
    table({
      header: [
        t('report.response.municipality'),
        t('report.response.writtenTo'),
        t('report.response.paper'),
        t('report.response.online'),
        t('report.response.completed'),
        t('report.response.rate'),
        t('report.response.confidence'),
        t('report.response.verdict'),
      ],
      rows,
      boldRows: totals,
      firstColumnShare: 0.18,
    }),
    paragraph(
      t('report.response.thresholds', {
        veryReliable: formatPercent(report.thresholds.veryReliable),
        reliable: formatPercent(report.thresholds.reliable),
      }),
    ),
    paragraph(t('report.response.minGroupSize', { n: report.minGroupSize })),
  ]
}

function comparison({ report, t }: DocxContext): Content {
  if (report.trendRounds.length === 0 && !report.reference) return []
  const reference = report.reference
  return [
    heading(t('report.response.comparisonTitle'), 2),
    ...report.trendRounds.map((round) =>
      paragraph(t('report.response.trendRound', { label: round.label, n: formatCount(round.n) })),
    ),
    ...(reference
      ? [
          paragraph(
            [t('report.response.reference', { n: formatCount(reference.n) }), reference.description ?? '']
              .join(' ')
              .trim(),
          ),
        ]
      : []),
  ]
}

function weighting({ report, t }: DocxContext): Content {
  const w = report.weighting
  const sentences = [paragraph(t(`report.response.weighting.${w.method}`))]
  if (w.method !== 'none') {
    sentences.push(
      paragraph(
        t('report.response.weightingFigures', {
          unweighted: formatCount(w.unweightedN),
          weighted: formatCount(Math.round(w.weightedN)),
          designEffect: formatDecimal(w.designEffect, 2),
          effective: formatCount(Math.round(w.unweightedN / w.designEffect)),
        }),
      ),
    )
    if (w.trimmed > 0)
      sentences.push(
        paragraph(
          t('report.response.trimmed', { bound: formatDecimal(w.trimBound, 1), count: formatCount(w.trimmed) }),
        ),
      )
  }
  if (w.ageSexNote) sentences.push(paragraph(w.ageSexNote))
  return [heading(t('report.response.weightingTitle'), 2), ...sentences]
}

export function response(context: DocxContext): Content {
  const { report, t } = context
  return [
    heading(t('report.response.title'), 1, { pageBreakBefore: true }),
    ...responseTable(context),
    ...comparison(context),
    ...weighting(context),
    heading(t('report.response.significanceTitle'), 2),
    paragraph(t('report.response.significance', { test: report.significanceTest })),
  ]
}
