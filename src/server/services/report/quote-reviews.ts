/**
 * Reviewing open answers before a report quotes them (issue 15): the flagger marks likely
 * names and proposes "(…)" in their place; a researcher accepts or edits the text, or
 * sets the answer aside, and chooses which accepted texts the report prints. An answer
 * nobody reviewed is never quoted (services/report/quotes.ts).
 *
 * Only complete responses are reviewed: the report's figures are theirs.
 *
 * Anonymity (DESIGN.md): a review row holds no date and no staff member, and is written
 * in a transaction of its own; the audit entry that follows says that a review was made,
 * with a count, never which answer or what it said.
 */
import { sql } from 'kysely'
import type { NameFlag, NameFlagReason } from '#src/report/quotes/flag-names.ts'
import { flagNames, proposeRedaction } from '#src/report/quotes/flag-names.ts'
import type { OpenVariable } from '#src/report/quotes/open-answers.ts'
import { openAnswersOf, openVariables } from '#src/report/quotes/open-answers.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { localize } from '#src/questionnaire/text.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { QuoteDecision } from '#src/server/db/schema.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { strataOf } from '#src/server/services/rounds/strata.ts'
import { loadQuoteNames } from './quote-names.ts'

export const REVIEWS_PER_PAGE = 20
/** Longer than any open answer may be (answers.ts); a reviewed text only gets shorter. */
export const MAX_REVIEWED_LENGTH = 5000

export interface StoredReview {
  decision: QuoteDecision
  text: string | null
  print: boolean
}

/** Where an answer stands, as the screen says it. */
export type ReviewState = 'open' | 'accepted' | 'printed' | 'rejected'

export function reviewStateOf(review: StoredReview | null): ReviewState {
  if (!review) return 'open'
  if (review.decision === 'rejected') return 'rejected'
  return review.print ? 'printed' : 'accepted'
}

/** A stretch of the answer as written: flagged as a likely name, or not. */
export interface AnswerSegment {
  text: string
  flag: NameFlagReason | null
}

export interface ReviewItem {
  responseId: string
  variable: string
  stratumName: string
  questionNumber: string
  question: string
  category: string | null
  original: string
  segments: AnswerSegment[]
  /** The answer with every flagged stretch replaced by "(…)". */
  proposal: string
  review: StoredReview | null
  state: ReviewState
}

export interface ReviewFilter {
  stratumId: number | null
  /** true: only reviewed answers; false: only those still to review; null: all. */
  reviewed: boolean | null
  /** From 1. */
  page: number
}

export interface ReviewPage {
  items: ReviewItem[]
  /** Answers that pass the filter, on every page. */
  total: number
  page: number
  pages: number
  /** Open answers of the round (or municipality) still to review, whatever the filter. */
  toReview: number
}

/** The answer cut at its flags, for a screen that marks them. */
export function segmentsOf(text: string, flags: readonly NameFlag[]): AnswerSegment[] {
  const segments: AnswerSegment[] = []
  let at = 0
  for (const flag of flags) {
    if (flag.start > at) segments.push({ text: text.slice(at, flag.start), flag: null })
    segments.push({ text: text.slice(flag.start, flag.end), flag: flag.reason })
    at = flag.end
  }
  if (at < text.length) segments.push({ text: text.slice(at), flag: null })
  return segments
}

const reviewKey = (responseId: string, variable: string) => `${responseId} ${variable}`

async function reviewsOf(db: DB, roundId: number): Promise<Map<string, StoredReview>> {
  const rows = await db
    .selectFrom('quote_reviews')
    .select(['response_id', 'variable', 'decision', 'reviewed_text', 'print'])
    .where('round_id', '=', roundId)
    .execute()
  return new Map(
    rows.map((r) => [
      reviewKey(r.response_id, r.variable),
      { decision: r.decision, text: r.reviewed_text, print: r.print },
    ]),
  )
}

/**
 * The complete responses of a round that hold an open answer, with only the answers the
 * review needs (the open ones and their category questions), in id order: random, so it
 * says nothing about who answered when.
 */
export async function responsesWithOpenAnswers(
  db: DB,
  roundId: number,
  variables: readonly OpenVariable[],
  options: { stratumId?: number | null; ids?: readonly string[] } = {},
) {
  if (variables.length === 0) return []
  const keys = [
    ...new Set(variables.flatMap((v) => [v.variable, ...(v.categoryQuestion ? [v.categoryQuestion.id] : [])])),
  ]
  const keyArray = sql`array[${sql.join(keys.map((k) => sql`${k}`))}]::text[]`
  const openArray = sql`array[${sql.join(variables.map((v) => sql`${v.variable}`))}]::text[]`
  let query = db
    .selectFrom('responses')
    .select([
      'id',
      'stratum_id',
      sql<Record<string, unknown>>`(select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
        from jsonb_each(answers) e where e.key = any(${keyArray}))`.as('answers'),
    ])
    .where('round_id', '=', roundId)
    .where('status', '=', 'complete')
    .where(sql<boolean>`answers ?| ${openArray}`)
    .orderBy('id')
  if (options.stratumId != null) query = query.where('stratum_id', '=', options.stratumId)
  if (options.ids) {
    if (options.ids.length === 0) return []
    query = query.where('id', 'in', [...options.ids])
  }
  const rows = await query.execute()
  return rows.map((r) => ({ id: r.id, stratumId: r.stratum_id, answers: r.answers as Record<string, never> }))
}

/** One page of a round's open answers for review, each flagged and with its proposed text. */
export async function listOpenAnswers(
  db: DB,
  roundId: number,
  definition: QuestionnaireDefinition,
  filter: ReviewFilter,
  pageSize = REVIEWS_PER_PAGE,
): Promise<ReviewPage> {
  const variables = openVariables(definition)
  const byVariable = new Map(variables.map((v) => [v.variable, v]))
  const strata = await strataOf(db, roundId)
  const stratumNames = new Map(strata.map((s) => [s.id, s.name]))
  const reviews = await reviewsOf(db, roundId)
  const all = (await responsesWithOpenAnswers(db, roundId, variables, { stratumId: filter.stratumId })).flatMap(
    (response) =>
      openAnswersOf(definition, response.answers, variables).map((answer) => ({
        response,
        answer,
        review: reviews.get(reviewKey(response.id, answer.variable)) ?? null,
      })),
  )
  const toReview = all.filter((a) => a.review === null).length
  const matching = filter.reviewed === null ? all : all.filter((a) => (a.review !== null) === filter.reviewed)
  const pages = Math.max(1, Math.ceil(matching.length / pageSize))
  const page = Math.min(Math.max(1, filter.page), pages)
  const flagOptions = {
    knownNames: await loadQuoteNames(db, roundId),
    notNames: strata.flatMap((s) => [s.name, s.code]),
  }
  const items = matching.slice((page - 1) * pageSize, page * pageSize).map(({ response, answer, review }) => {
    const question = byVariable.get(answer.variable)!.question
    const flags = flagNames(answer.text, flagOptions)
    return {
      responseId: response.id,
      variable: answer.variable,
      stratumName: stratumNames.get(response.stratumId) ?? '',
      questionNumber: question.number,
      question: localize(question.text, 'nl'),
      category: answer.category,
      original: answer.text,
      segments: segmentsOf(answer.text, flags),
      proposal: proposeRedaction(answer.text, flags),
      review,
      state: reviewStateOf(review),
    }
  })
  return { items, total: matching.length, page, pages, toReview }
}

export type ReviewInput =
  | { decision: 'accepted'; responseId: string; variable: string; text: string; print: boolean }
  | { decision: 'rejected'; responseId: string; variable: string }

export type ReviewOutcome = 'saved' | 'notFound' | 'emptyText' | 'textTooLong'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Stores a review of an open answer the round really has. The review is written on its
 * own and the audit entry after it, so they share no transaction id (`xmin`): the entry
 * names the researcher and the time, the review a response.
 */
export async function saveReview(
  db: DB,
  actor: AuditActor,
  roundId: number,
  definition: QuestionnaireDefinition,
  input: ReviewInput,
): Promise<ReviewOutcome> {
  const variables = openVariables(definition).filter((v) => v.variable === input.variable)
  if (variables.length === 0 || !UUID.test(input.responseId)) return 'notFound'
  const [response] = await responsesWithOpenAnswers(db, roundId, variables, { ids: [input.responseId] })
  if (!response || openAnswersOf(definition, response.answers, variables).length === 0) return 'notFound'
  let values: { decision: QuoteDecision; reviewed_text: string | null; print: boolean }
  if (input.decision === 'accepted') {
    const text = input.text.replace(/\r\n?/g, '\n').trim()
    if (text === '') return 'emptyText'
    if (text.length > MAX_REVIEWED_LENGTH) return 'textTooLong'
    values = { decision: 'accepted', reviewed_text: text, print: input.print }
  } else {
    values = { decision: 'rejected', reviewed_text: null, print: false }
  }
  await db
    .insertInto('quote_reviews')
    .values({ response_id: response.id, variable: input.variable, round_id: roundId, ...values })
    .onConflict((oc) => oc.columns(['response_id', 'variable']).doUpdateSet(values))
    .execute()
  await audit(db, actor, 'quotes.review', { decision: values.decision, count: 1 }, roundId)
  return 'saved'
}
