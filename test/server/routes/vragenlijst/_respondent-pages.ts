/** A respondent part-way through the questionnaire, for the tests of saving pages. */
import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import type { DB } from '#src/server/db/connect.ts'
import { Browser } from '#test/helpers/app.ts'
import { csrfTokenOf, firstChoices, readQuestionForm } from '#test/helpers/form.ts'

/** Signs in, saves the first page with `firstGrade` and opens the second, like a respondent on a phone. */
export async function onSecondPage(app: FastifyInstance, code: string, firstGrade: number) {
  const browser = new Browser(app)
  await browser.visit('/')
  expect((await browser.post('/', { code })).statusCode).toBe(303)
  const first = readQuestionForm((await browser.visit('/vragenlijst')).body)
  const second = await browser.submit(first.action, { rapportcijfer_dienstverlening: firstGrade, action: 'next' })
  const form = readQuestionForm(second.body)
  return { browser, form, fields: firstChoices(form), csrf: csrfTokenOf(second.body) }
}

/** The answers linked to the participant (in progress), if any. */
export async function linkedAnswers(db: DB, participantId: number) {
  const row = await db
    .selectFrom('answers_in_progress')
    .select('answers')
    .where('participant_id', '=', participantId)
    .executeTakeFirst()
  return row?.answers
}
