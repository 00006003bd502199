/**
 * The quotes a municipal report prints: open answers a researcher reviewed, accepted and
 * chose to print (services/report/quote-reviews.ts), grouped per question and under the
 * category the respondent chose (src/report/quotes/open-answers.ts explains the rule),
 * in Dutch and with the spelling as written. An answer nobody reviewed is never here.
 *
 * A municipality with fewer complete responses than the round's smallest group gets no
 * quotes, as its figures are suppressed (services/reporting/results.ts): a quote from a
 * handful of people is too easily recognised.
 */
import { openAnswersOf, openVariables } from '#src/report/quotes/open-answers.ts'
import { localize } from '#src/questionnaire/text.ts'
import type { Answers } from '#src/questionnaire/definition.ts'
import type { DB } from '#src/server/db/connect.ts'
import { responsesWithOpenAnswers } from './quote-reviews.ts'

export interface QuoteGroup {
  /** The answer key: `opmerkingen`, `punt_verbeteren_other`. */
  variable: string
  questionNumber: string
  question: string
  /** What the respondent chose (an option label, several joined by "; "), or null. */
  category: string | null
  quotes: string[]
}

/** The printable quotes of a municipality (`stratumId`), or of the whole round (null). */
export async function loadPrintableQuotes(db: DB, roundId: number, stratumId: number | null): Promise<QuoteGroup[]> {
  const round = await db
    .selectFrom('rounds as r')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .select(['r.min_group_size', 'q.definition'])
    .where('r.id', '=', roundId)
    .executeTakeFirst()
  if (!round) return []
  let complete = db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .where('status', '=', 'complete')
  if (stratumId !== null) complete = complete.where('stratum_id', '=', stratumId)
  if (Number((await complete.executeTakeFirstOrThrow()).n) < round.min_group_size) return []

  const printed = await db
    .selectFrom('quote_reviews')
    .select(['response_id', 'variable', 'reviewed_text'])
    .where('round_id', '=', roundId)
    .where('decision', '=', 'accepted')
    .where('print', '=', true)
    .execute()
  if (printed.length === 0) return []
  const definition = round.definition
  const variables = openVariables(definition)
  const order = new Map(variables.map((v, i) => [v.variable, i]))
  const questions = new Map(variables.map((v) => [v.variable, v.question]))
  const responses = await responsesWithOpenAnswers(db, roundId, variables, {
    stratumId,
    ids: [...new Set(printed.map((p) => p.response_id))],
  })
  const answersOf = new Map(
    responses.map((r) => [
      r.id,
      new Map(openAnswersOf(definition, r.answers as Answers, variables).map((a) => [a.variable, a])),
    ]),
  )

  const groups = new Map<string, QuoteGroup & { variableOrder: number; categoryOrder: number }>()
  // In response id order: random, like the responses themselves.
  for (const review of printed.sort((a, b) => a.response_id.localeCompare(b.response_id))) {
    const answer = answersOf.get(review.response_id)?.get(review.variable)
    const question = questions.get(review.variable)
    if (!answer || !question || review.reviewed_text === null) continue
    const key = JSON.stringify([review.variable, answer.category])
    let group = groups.get(key)
    if (!group) {
      group = {
        variable: review.variable,
        questionNumber: question.number,
        question: localize(question.text, 'nl'),
        category: answer.category,
        quotes: [],
        variableOrder: order.get(review.variable)!,
        categoryOrder: answer.categoryOrder,
      }
      groups.set(key, group)
    }
    group.quotes.push(review.reviewed_text)
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        a.variableOrder - b.variableOrder ||
        a.categoryOrder - b.categoryOrder ||
        (a.category ?? '').localeCompare(b.category ?? '', 'nl'),
    )
    .map(({ variableOrder: _v, categoryOrder: _c, ...group }) => group)
}
