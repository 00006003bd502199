/**
 * Quick results per question, per stratum and in total: counts and percentages per
 * answer, the mean grade and the share of grades below 6 ("onvoldoende").
 *
 * Small groups are suppressed: a column with fewer answers than the round's minimum
 * group size shows no figures, so nobody can be recognised in a small municipality.
 * When exactly one stratum would be hidden, the next smallest is hidden too; otherwise
 * the total minus the shown strata would give the hidden one away.
 *
 * Counting happens in PostgreSQL (one jsonb_each pass over the complete responses,
 * grouped), not over every response in JavaScript.
 */
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { Question, QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { Code } from '#src/questionnaire/index.ts'
import {
  allQuestions,
  buildCodebook,
  codesOf,
  GRADE_MAX,
  GRADE_MIN,
  localize,
  rankCountOf,
  scaleOf,
} from '#src/questionnaire/index.ts'
import { strataOf } from '#src/server/services/rounds/strata.ts'
import { withComplementarySuppression } from '#src/report/suppression.ts'

/** A column: the total, or one stratum. */
export interface ResultColumn {
  stratumId: number | null
  name: string
}

/** A figure in one column; null where the group is too small to show. */
export type Cell<T> = T | null

export interface AnswerRow {
  label: string
  /** The code as stored and exported, or null for "other codes". */
  value: number | null
  /**
   * "Weet niet", "n.v.t." and other codes declared missing (and for grades any code off
   * the 1–10 scale): counted and shown, but outside the base, so their share is null.
   */
  outsideBase: boolean
  /** share: of the base (the valid answers), as SPSS's valid percent; null outside the base. */
  cells: Array<Cell<{ count: number; share: number | null }>>
}

export interface QuestionResult {
  /** The variable: a question id, or `<question>_<item>` for a grid item. */
  variable: string
  number: string
  label: string
  kind: 'choice' | 'grade' | 'multiple' | 'number' | 'ranking' | 'text'
  /** How many answered, per column. */
  answered: Array<Cell<number>>
  /**
   * The base of the percentages, per column: those who answered, less those whose answer
   * is outside the base ("weet niet" and the like). One rule for results, report and export.
   */
  base: Array<Cell<number>>
  rows: AnswerRow[]
  /** Grades, numbers and ranking items: the mean of the answers on the scale ("weet niet" left out). */
  mean?: Array<Cell<number | null>>
  /** Grades: the share of 1–5. */
  belowSix?: Array<Cell<number | null>>
}

export interface RoundResults {
  columns: ResultColumn[]
  /** Complete responses per column (never suppressed: the monitor shows them too). */
  responses: number[]
  minGroupSize: number
  /** The round's choice on paper answers to skipped questions: counted here (and in the export) or not. */
  countOutsideRouting: boolean
  questions: QuestionResult[]
}

type Tally = Map<number, number>
/** variable → stratum → code → count */
type Tallies = Map<string, Map<number, Tally>>
/** variable → stratum → responses that answered it */
type Answered = Map<string, Map<number, number>>

function add<K>(map: Map<K, number>, key: K, n: number) {
  map.set(key, (map.get(key) ?? 0) + n)
}

/**
 * One pass over the complete responses: per stratum, variable and distinct value, how
 * many. Texts are folded into one value (only whether there is one counts here), so the
 * groups are few; multiple-choice arrays are split into their codes afterwards.
 */
async function countAnswers(
  db: DB,
  roundId: number,
  countOutsideRouting: boolean,
): Promise<{ tallies: Tallies; answered: Answered }> {
  const groups = await sql<{ stratum_id: number; variable: string; value: unknown; n: number }>`
    select r.stratum_id, e.key as variable,
      case when jsonb_typeof(e.value) = 'string' then (case when e.value = '""'::jsonb then null else '"text"'::jsonb end) else e.value end as value,
      count(*) as n
    from responses r
    cross join lateral jsonb_each(r.answers) e
    where r.round_id = ${roundId} and r.status = 'complete'
      -- A paper answer the routing skips, in a round that does not count those (rounds.count_outside_routing).
      and (${countOutsideRouting}::boolean or not coalesce(jsonb_exists(r.paper_coding->'outsideRouting', e.key), false))
    group by 1, 2, 3`.execute(db)
  const tallies: Tallies = new Map()
  const answered: Answered = new Map()
  for (const row of groups.rows) {
    const n = Number(row.n)
    const value = row.value
    const codes = Array.isArray(value) ? value : [value]
    if (value === null || (Array.isArray(value) && value.length === 0)) continue
    const answeredPerStratum = answered.get(row.variable) ?? new Map<number, number>()
    add(answeredPerStratum, row.stratum_id, n)
    answered.set(row.variable, answeredPerStratum)
    for (const code of codes) {
      if (typeof code !== 'number') continue
      const perStratum = tallies.get(row.variable) ?? new Map<number, Tally>()
      const tally = perStratum.get(row.stratum_id) ?? new Map<number, number>()
      add(tally, code, n)
      perStratum.set(row.stratum_id, tally)
      tallies.set(row.variable, perStratum)
    }
  }
  return { tallies, answered }
}

/**
 * Which columns to hide for a variable: those under the minimum, and when that leaves
 * exactly one stratum hidden beside a shown total, the smallest other stratum as well.
 */
export function suppressedColumns(answeredPerColumn: number[], minGroupSize: number): boolean[] {
  return withComplementarySuppression(
    answeredPerColumn.map((n) => n < minGroupSize),
    answeredPerColumn,
  )
}

interface VariableSpec {
  variable: string
  number: string
  label: string
  kind: QuestionResult['kind']
  codes: Code[]
}

function specsOf(
  definition: QuestionnaireDefinition,
  question: Question,
  labels: Map<string, { label: string; number: string }>,
  lang: string,
): VariableSpec[] {
  const labelOf = (variable: string) =>
    labels.get(variable) ?? { label: localize(question.text, lang), number: question.number }
  switch (question.type) {
    case 'grade':
      return [
        { variable: question.id, ...labelOf(question.id), kind: 'grade', codes: codesOf(definition, question) ?? [] },
      ]
    case 'single':
    case 'yesno':
      return [
        { variable: question.id, ...labelOf(question.id), kind: 'choice', codes: codesOf(definition, question) ?? [] },
      ]
    case 'multiple':
      return [
        {
          variable: question.id,
          number: question.number,
          label: localize(question.text, lang),
          kind: 'multiple',
          codes: codesOf(definition, question) ?? [],
        },
      ]
    case 'grid': {
      const kind = scaleOf(definition, question.scale)?.type === 'grade' ? 'grade' : 'choice'
      const codes = codesOf(definition, question) ?? []
      return question.items.map((item) => {
        const variable = `${question.id}_${item.id}`
        return { variable, ...labelOf(variable), kind, codes }
      })
    }
    case 'ranking': {
      // Per item how often it got each rank, of those who gave it one.
      const codes = Array.from({ length: rankCountOf(question) }, (_, i) => ({ value: i + 1, missing: false }))
      return question.items.map((item) => {
        const variable = `${question.id}_${item.id}`
        return { variable, ...labelOf(variable), kind: 'ranking', codes }
      })
    }
    case 'constantsum':
      return question.items.map((item) => {
        const variable = `${question.id}_${item.id}`
        return { variable, ...labelOf(variable), kind: 'number', codes: [] }
      })
    case 'number':
      return [{ variable: question.id, ...labelOf(question.id), kind: 'number', codes: [] }]
    case 'text':
    case 'longtext':
      return [{ variable: question.id, ...labelOf(question.id), kind: 'text', codes: [] }]
  }
}

function codeLabel(code: Code, lang: string): string {
  return code.label
    ? code.value >= GRADE_MIN && code.value <= GRADE_MAX && !code.missing
      ? `${code.value} (${localize(code.label, lang)})`
      : localize(code.label, lang)
    : String(code.value)
}

export async function loadResults(
  db: DB,
  roundId: number,
  lang: string,
  otherCodesLabel: string,
): Promise<RoundResults | undefined> {
  const round = await db
    .selectFrom('rounds as r')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .select(['r.min_group_size', 'r.count_outside_routing', 'q.definition'])
    .where('r.id', '=', roundId)
    .executeTakeFirst()
  if (!round) return undefined
  const strata = await strataOf(db, roundId)
  const responseRows = await db
    .selectFrom('responses')
    .select(['stratum_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('round_id', '=', roundId)
    .where('status', '=', 'complete')
    .groupBy('stratum_id')
    .execute()
  const { tallies, answered } = await countAnswers(db, roundId, round.count_outside_routing)
  const definition = round.definition
  const minGroupSize = round.min_group_size
  const columns: ResultColumn[] = [
    { stratumId: null, name: '' },
    ...strata.map((s) => ({ stratumId: s.id, name: s.name })),
  ]
  const perColumn = <T>(perStratum: Map<number, T> | undefined, total: (values: T[]) => T, empty: T): T[] => {
    const values = strata.map((s) => perStratum?.get(s.id) ?? empty)
    return [total(values), ...values]
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
  const responses = perColumn(new Map(responseRows.map((r) => [r.stratum_id, Number(r.n)])), sum, 0)

  const labels = new Map(
    buildCodebook(definition, lang).map((v) => [v.name, { label: v.label, number: v.questionNumber }]),
  )
  const questions: QuestionResult[] = []
  for (const question of allQuestions(definition)) {
    for (const spec of specsOf(definition, question, labels, lang)) {
      const tallyPerStratum = tallies.get(spec.variable)
      const tallyColumns: Tally[] = perColumn(
        tallyPerStratum,
        (values) => {
          const total = new Map<number, number>()
          for (const tally of values) for (const [code, n] of tally) add(total, code, n)
          return total
        },
        new Map<number, number>(),
      )
      const answeredColumns = perColumn(answered.get(spec.variable), sum, 0)

      const known = new Set(spec.codes.map((c) => c.value))
      const missing = new Set(spec.codes.filter((c) => c.missing).map((c) => c.value))
      // Outside the base: codes declared missing and, for grades, anything off the scale.
      const outside = (code: number) =>
        missing.has(code) || (spec.kind === 'grade' && (code < GRADE_MIN || code > GRADE_MAX || !known.has(code)))
      // A "weet niet" is ticked alone, also on a multiple-choice question: subtracting its
      // ticks from those who answered leaves the people with a valid answer.
      const baseColumns = tallyColumns.map((tally, i) => {
        const outsideTicks = [...tally].filter(([code]) => outside(code)).reduce((a, [, n]) => a + n, 0)
        return Math.max(0, answeredColumns[i]! - outsideTicks)
      })
      // A percentage is as telling as its base is small: the base decides what is hidden.
      const hidden = suppressedColumns(baseColumns, minGroupSize)
      const show = <T>(values: T[]): Array<Cell<T>> => values.map((v, i) => (hidden[i] ? null : v))
      const result: QuestionResult = {
        variable: spec.variable,
        number: spec.number,
        label: spec.label,
        kind: spec.kind,
        answered: show(answeredColumns),
        base: show(baseColumns),
        rows: [],
      }
      if (spec.kind === 'choice' || spec.kind === 'grade' || spec.kind === 'multiple' || spec.kind === 'ranking') {
        // Percentages of the base; for multiple choice a person may tick several.
        const row = (
          label: string,
          value: number | null,
          outsideBase: boolean,
          count: (tally: Tally) => number,
        ): AnswerRow => ({
          label,
          value,
          outsideBase,
          cells: show(
            tallyColumns.map((tally, i) => {
              const n = count(tally)
              return { count: n, share: outsideBase ? null : baseColumns[i]! > 0 ? n / baseColumns[i]! : 0 }
            }),
          ),
        })
        result.rows = spec.codes.map((code) =>
          row(codeLabel(code, lang), code.value, outside(code.value), (tally) => tally.get(code.value) ?? 0),
        )
        const otherCount = (tally: Tally) =>
          [...tally].filter(([code]) => !known.has(code)).reduce((a, [, n]) => a + n, 0)
        if (tallyColumns.some((tally) => otherCount(tally) > 0))
          result.rows.push(row(otherCodesLabel, null, spec.kind === 'grade', otherCount))
      }
      if (spec.kind === 'grade') {
        const grades = (tally: Tally) =>
          [...tally].filter(([code]) => !missing.has(code) && code >= GRADE_MIN && code <= GRADE_MAX)
        result.mean = show(
          tallyColumns.map((tally) => {
            const valid = grades(tally)
            const n = valid.reduce((a, [, c]) => a + c, 0)
            return n > 0 ? valid.reduce((a, [code, c]) => a + code * c, 0) / n : null
          }),
        )
        result.belowSix = show(
          tallyColumns.map((tally) => {
            const valid = grades(tally)
            const n = valid.reduce((a, [, c]) => a + c, 0)
            return n > 0 ? valid.filter(([code]) => code < 6).reduce((a, [, c]) => a + c, 0) / n : null
          }),
        )
      }
      if (spec.kind === 'number' || spec.kind === 'ranking') {
        result.mean = show(
          tallyColumns.map((tally) => {
            const n = [...tally.values()].reduce((a, b) => a + b, 0)
            return n > 0 ? [...tally].reduce((a, [value, c]) => a + value * c, 0) / n : null
          }),
        )
      }
      questions.push(result)
    }
  }
  return { columns, responses, minGroupSize, countOutsideRouting: round.count_outside_routing, questions }
}
