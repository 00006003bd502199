/**
 * SPSS/PSPP syntax that reads the CSV export and labels it: variable labels, value
 * labels, missing values ("weet niet") and measurement levels. No npm .sav writer
 * handles accented labels correctly (DESIGN.md), whereas PSPP and SPSS read this
 * syntax as it is; `SAVE OUTFILE` at the end then writes the .sav.
 */
import type { CodebookVariable } from '#src/questionnaire/index.ts'
import type { Translate } from '#src/i18n/translate.ts'
import type { RoundFacts } from './codebook-file.ts'
import { metaVariables, outsideRoutingText, populationText } from './codebook-file.ts'
import type { StratumWeight } from './weights.ts'

/** SPSS's limits on label lengths, in characters to be safe with multi-byte letters. */
const VARIABLE_LABEL_MAX = 250
const VALUE_LABEL_MAX = 120

/** A quoted SPSS string on one line, with quotes doubled. */
export function spssString(value: string, max = VARIABLE_LABEL_MAX): string {
  const oneLine = value.replace(/\s+/g, ' ').trim()
  const cut = oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine
  return `'${cut.replace(/'/g, "''")}'`
}

const LEVEL = { nominal: 'NOMINAL', ordinal: 'ORDINAL', scale: 'SCALE' } as const

function inputFormat(variable: CodebookVariable): string {
  if (variable.type === 'string') return `A${Math.min(Math.max(variable.width ?? 255, 1), 32767)}`
  // The weight, rounded to six decimals in the data file.
  if (variable.name === 'gewicht') return 'F10.6'
  // Coded answers (grades too) are whole numbers as wide as their widest code, so a grade
  // prints as "7" (F2.0), not "7.00"; only numbers typed by the respondent get decimals.
  const codes = [...variable.valueLabels.map((l) => l.value), ...variable.missingValues]
  if (codes.length > 0) return `F${Math.max(...codes.map((c) => String(c).length))}.0`
  return variable.measure === 'scale' ? 'F8.2' : 'F8.0'
}

/** The municipalities as numbers 1, 2, … in the round's order, with their names as value labels. */
function stratumVariable(variable: CodebookVariable, strata: readonly StratumWeight[]): CodebookVariable {
  return {
    ...variable,
    type: 'numeric',
    valueLabels: strata.map((s, i) => ({ value: i + 1, label: s.name })),
    width: undefined,
  }
}

export function missingSpec(values: number[]): string {
  const negative = values.filter((v) => v < 0)
  const other = values.filter((v) => v >= 0)
  if (negative.length === 0 || negative.length + other.length <= 3)
    return [...new Set(values)].sort((a, b) => a - b).join(', ')
  const range = `LO THRU ${Math.max(...negative)}`
  return other.length > 0 ? `${range}, ${other[0]}` : range
}

export function spssSyntax(
  codebook: CodebookVariable[],
  dataFile: string,
  title: string,
  t: Translate,
  round: RoundFacts,
): string {
  const { strata } = round
  const variables = [...metaVariables(t), ...codebook].map((v) =>
    v.name === 'stratum' ? stratumVariable(v, strata) : v,
  )
  const lines: string[] = [
    `* ${title.replace(/[\r\n]+/g, ' ')}.`,
    `* ${t('management.export.spssHint', { file: dataFile })}.`,
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE=${spssString(dataFile)}`,
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    '  /DELCASE=LINE',
    '  /FIRSTCASE=2',
    "  /DELIMITERS=';'",
    `  /QUALIFIER='"'`,
    '  /VARIABLES=',
    ...variables.map((v, i) => `    ${v.name} ${inputFormat(v)}${i === variables.length - 1 ? '.' : ''}`),
    '',
    'VARIABLE LABELS',
    ...variables.map(
      (v, i) => `  ${i === 0 ? '' : '/'}${v.name} ${spssString(v.label)}${i === variables.length - 1 ? '.' : ''}`,
    ),
  ]

  const labelled = variables.filter((v) => v.valueLabels.length > 0)
  if (labelled.length > 0) {
    lines.push('', 'VALUE LABELS')
    labelled.forEach((v, i) => {
      const pairs = v.valueLabels.map((l) => `${l.value} ${spssString(l.label, VALUE_LABEL_MAX)}`).join(' ')
      lines.push(`  ${i === 0 ? '' : '/'}${v.name} ${pairs}${i === labelled.length - 1 ? '.' : ''}`)
    })
  }

  // SPSS takes three discrete missing values, or one range and one value: the paper
  // codes (-1, -2, -3) become the range, "weet niet" the value.
  const withMissing = variables.filter((v) => v.type === 'numeric' && v.missingValues.length > 0)
  if (withMissing.length > 0) {
    lines.push('', 'MISSING VALUES')
    withMissing.forEach((v, i) => {
      lines.push(
        `  ${i === 0 ? '' : '/'}${v.name} (${missingSpec(v.missingValues)})${i === withMissing.length - 1 ? '.' : ''}`,
      )
    })
  }

  // Each multiple-choice question's 0/1 variables as one set: tables per question, not per tick.
  const sets = new Map<string, { label: string; names: string[] }>()
  for (const v of variables) {
    if (!v.tickOf) continue
    const set = sets.get(v.tickOf.questionId) ?? { label: v.tickOf.label, names: [] }
    set.names.push(v.name)
    sets.set(v.tickOf.questionId, set)
  }
  if (sets.size > 0) {
    lines.push('', 'MRSETS')
    for (const [questionId, set] of sets)
      lines.push(
        `  /MDGROUP NAME=$${questionId} LABEL=${spssString(set.label)} CATEGORYLABELS=VARLABELS VARIABLES=${set.names.join(' ')} VALUE=1`,
      )
    lines[lines.length - 1] += '.'
  }

  lines.push('', 'VARIABLE LEVEL')
  const numeric = variables.filter((v) => v.type === 'numeric')
  const levels = (['nominal', 'ordinal', 'scale'] as const)
    .map((measure) => ({ measure, names: numeric.filter((v) => v.measure === measure).map((v) => v.name) }))
    .filter((group) => group.names.length > 0)
  const strings = variables.filter((v) => v.type === 'string').map((v) => v.name)
  const groups = [...levels.map((g) => `${g.names.join(' ')} (${LEVEL[g.measure]})`), `${strings.join(' ')} (NOMINAL)`]
  groups.forEach((group, i) => lines.push(`  ${i === 0 ? '' : '/'}${group}${i === groups.length - 1 ? '.' : ''}`))

  lines.push(
    '',
    'EXECUTE.',
    `* ${outsideRoutingText(round, t)}`,
    `* gewicht: ${populationText(strata, t)}.`,
    `* ${t('management.export.weightBy')}`,
    '* WEIGHT BY gewicht.',
    `* ${t('management.export.spssSave')}`,
    `* SAVE OUTFILE=${spssString(dataFile.replace(/(-spss)?\.csv$/, '.sav'))}.`,
    '',
  )
  return lines.join('\r\n')
}
