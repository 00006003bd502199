/**
 * `/beheer/rondes`: the rounds, for researchers.
 *
 *   GET  /beheer/rondes        → every round with its headline figures
 *   GET  /beheer/rondes/nieuw  → the form for a new round
 *   POST /beheer/rondes        → create it (as a draft)
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { RoundForm } from '#src/server/services/rounds/rounds.ts'
import {
  createRound,
  listQuestionnaires,
  listRounds,
  MIN_GROUP_SIZE_DEFAULT,
  RELIABLE_PERCENT_DEFAULT,
  VERY_RELIABLE_PERCENT_DEFAULT,
  RELEASE_BATCH_SIZE_DEFAULT,
  parseRoundForm,
} from '#src/server/services/rounds/rounds.ts'
import { addDays, todayInAmsterdam } from '#src/server/services/calendar.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import { fieldMessages } from './_form-errors.ts'

const researchers = { config: { roles: ['researcher'] as const } }

const rounds: FastifyPluginAsync = async (app) => {
  app.get('/', researchers, async (request, reply) =>
    reply.staffPage('staff/rounds.eta', request.t('management.rounds.title'), {
      rounds: await listRounds(app.db),
      fmt: numberFormats(request.lang),
      researcher: true,
    }),
  )

  async function newRoundPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: Record<string, string[]>,
  ) {
    return reply.staffPage('staff/round-new.eta', request.t('management.rounds.new'), {
      values,
      errors,
      questionnaires: await listQuestionnaires(app.db),
      frozen: false,
    })
  }

  app.get('/nieuw', researchers, async (request, reply) => {
    const today = todayInAmsterdam()
    const questionnaires = await listQuestionnaires(app.db)
    // The 2022 rhythm: four weeks to answer, a reminder after two, data kept three months after.
    return newRoundPage(
      request,
      reply,
      {
        name: '',
        questionnaireId: String(questionnaires[0]?.id ?? ''),
        strata: '',
        opensOn: today,
        closesOn: addDays(today, 28),
        reminderOn: addDays(today, 14),
        retentionUntil: addDays(today, 28 + 91),
        doubleKeying: false,
        countOutsideRouting: true,
        minGroupSize: String(MIN_GROUP_SIZE_DEFAULT),
        releaseBatchSize: String(RELEASE_BATCH_SIZE_DEFAULT),
        veryReliablePercent: String(VERY_RELIABLE_PERCENT_DEFAULT),
        reliablePercent: String(RELIABLE_PERCENT_DEFAULT),
      },
      {},
    )
  })

  app.post<{ Body: RoundForm }>('/', researchers, async (request, reply) => {
    const body = request.body ?? {}
    const questionnaires = await listQuestionnaires(app.db)
    const parsed = parseRoundForm(
      body,
      questionnaires.map((q) => q.id),
    )
    if (!parsed.ok) {
      reply.status(422)
      return newRoundPage(
        request,
        reply,
        { ...body, doubleKeying: Boolean(body.doubleKeying) },
        fieldMessages(request, parsed.errors),
      )
    }
    const roundId = await createRound(app.db, staffActor(request), parsed.input)
    request.notice('management.rounds.form.created')
    return reply.redirect(`/beheer/rondes/${roundId}`, 303)
  })
}

export default rounds
