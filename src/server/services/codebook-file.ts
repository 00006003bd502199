/**
 * The codebook as a file beside the data: every column of the export with its label,
 * type, measurement level, value labels, missing values and routing (who was asked).
 */
import { stringify } from 'csv-stringify/sync'
import type { CodebookVariable } from '../../questionnaire/index.js'
import type { Translate } from '../i18n/translate.js'

/** The export's own columns (see exports.ts), described like the answer variables. */
export function metaVariables(t: Translate): CodebookVariable[] {
  const meta = (name: string, width: number): CodebookVariable => ({
    name,
    questionId: name,
    questionNumber: '',
    label: t(`management.export.meta.${name}`),
    type: 'string',
    measure: 'nominal',
    valueLabels: [],
    missingValues: [],
    width,
  })
  return [
    meta('stratum', 100),
    meta('modus', 10),
    meta('golf', 20),
    meta('taal', 10),
    meta('status', 20),
    {
      ...meta('papier_zonder_code', 1),
      type: 'numeric',
      width: undefined,
      valueLabels: [
        { value: 0, label: t('management.export.no') },
        { value: 1, label: t('management.export.yes') },
      ],
    },
    meta('papier_buiten_routering', 1000),
    meta('papier_ongeldig', 2000),
  ]
}

function valueList(variable: CodebookVariable): string {
  return variable.valueLabels.map((v) => `${v.value} = ${v.label}`).join(' | ')
}

/** Header row first; meta variables, then the answers in questionnaire order. */
export function codebookRows(codebook: CodebookVariable[], t: Translate): string[][] {
  const header = ['variable', 'question', 'label', 'type', 'measure', 'values', 'missing', 'routing'].map((c) => t(`management.export.codebookColumns.${c}`))
  const meta = metaVariables(t).map((v) => [v.name, '', v.label, t(`management.export.types.${v.type}`), t('management.export.measures.nominal'), t(`management.export.metaValues.${v.name}`), '', ''])
  const answers = codebook.map((v) => [
    v.name,
    v.questionNumber,
    v.label,
    t(`management.export.types.${v.type}`) + (v.width ? ` (${v.width})` : ''),
    t(`management.export.measures.${v.measure}`),
    valueList(v),
    v.missingValues.join(', '),
    v.routing ?? '',
  ])
  return [header, ...meta, ...answers]
}

/** The codebook as CSV, in the same dialect as the data (UTF-8 with BOM, `;`). */
export function codebookCsv(codebook: CodebookVariable[], t: Translate): string {
  return stringify(codebookRows(codebook, t), { delimiter: ';', bom: true, record_delimiter: 'windows' })
}
