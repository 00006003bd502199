/**
 * The codebook as a file beside the data: every column of the export with its label,
 * type, measurement level, value labels, missing values and routing (who was asked).
 */
import { stringify } from 'csv-stringify/sync'
import type { CodebookVariable } from '#src/questionnaire/index.ts'
import type { Translate } from '#src/i18n/translate.ts'
import type { StratumWeight } from './weights.ts'

/**
 * The variables before the answers, in the order of the export's columns; their labels
 * are in the codebook like the others. The `papier_` ones say how a paper form was keyed
 * (services/paper-coding.ts).
 */
export const META_VARIABLES = [
  'stratum',
  'modus',
  'golf',
  'taal',
  'status',
  'papier_zonder_code',
  'papier_buiten_routering',
  'papier_ongeldig',
  'papier_afwijkend',
  'gewicht',
] as const

/** Text widths for SPSS; the one yes/no column is numeric. */
const META_WIDTHS: Record<Exclude<(typeof META_VARIABLES)[number], 'papier_zonder_code' | 'gewicht'>, number> = {
  stratum: 100,
  modus: 10,
  golf: 20,
  taal: 10,
  status: 20,
  papier_buiten_routering: 1000,
  papier_ongeldig: 2000,
  papier_afwijkend: 1000,
}

/** UTF-8 with a byte order mark and `;` between values: what Dutch Excel opens without asking. */
export function csvOptions() {
  return { delimiter: ';', bom: true, record_delimiter: 'windows' as const }
}

/** The export's own columns (see exports.ts), described like the answer variables. */
export function metaVariables(t: Translate): CodebookVariable[] {
  const meta = (name: (typeof META_VARIABLES)[number], width: number | undefined): CodebookVariable => ({
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
  return META_VARIABLES.map((name): CodebookVariable => {
    if (name === 'gewicht') return { ...meta(name, undefined), type: 'numeric', measure: 'scale' }
    if (name === 'papier_zonder_code')
      return {
        ...meta(name, undefined),
        type: 'numeric',
        valueLabels: [
          { value: 0, label: t('management.export.no') },
          { value: 1, label: t('management.export.yes') },
        ],
      }
    return meta(name, META_WIDTHS[name])
  })
}

function valueList(variable: CodebookVariable): string {
  return variable.valueLabels.map((v) => `${v.value} = ${v.label}`).join(' | ')
}

/** Per municipality what the weight is made of, as the codebook says it (weights.ts). */
export function populationText(strata: readonly StratumWeight[], t: Translate): string {
  return strata
    .map((s) =>
      t('management.export.weightStratum', { name: s.name, population: s.population, writtenTo: s.writtenTo }),
    )
    .join('; ')
}

/** What a round's codebook says beyond its questionnaire: the weights' figures and its choices. */
export interface RoundFacts {
  strata: readonly StratumWeight[]
  countOutsideRouting: boolean
}

/** The round's choice on paper answers to skipped questions, as a sentence. */
export function outsideRoutingText(round: RoundFacts, t: Translate): string {
  return round.countOutsideRouting
    ? t('management.results.outsideRoutingCounted')
    : t('management.results.outsideRoutingNotCounted')
}

/** Header row first; meta variables, then the answers in questionnaire order. */
export function codebookRows(codebook: CodebookVariable[], t: Translate, round: RoundFacts): string[][] {
  const header = (['variable', 'question', 'label', 'type', 'measure', 'values', 'missing', 'routing'] as const).map(
    (c) => t(`management.export.codebookColumns.${c}`),
  )
  const meta = metaVariables(t).map((v, i) => [
    v.name,
    '',
    v.label,
    t(`management.export.types.${v.type}`),
    t('management.export.measures.nominal'),
    META_VARIABLES[i] === 'gewicht'
      ? `${t('management.export.metaValues.gewicht')}: ${populationText(round.strata, t)}`
      : META_VARIABLES[i] === 'papier_buiten_routering'
        ? `${t('management.export.metaValues.papier_buiten_routering')}. ${outsideRoutingText(round, t)}`
        : t(`management.export.metaValues.${META_VARIABLES[i]!}`),
    '',
    '',
  ])
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
export function codebookCsv(codebook: CodebookVariable[], t: Translate, round: RoundFacts): string {
  return stringify(codebookRows(codebook, t, round), csvOptions())
}
