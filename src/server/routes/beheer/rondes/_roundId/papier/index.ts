/**
 * `/beheer/rondes/:roundId/papier`: paper entry as researchers see it. Counts per day
 * and per typist, agreement of double keying, forms waiting for a second keying or a
 * review, duplicates to decide on, and forms without code (counted apart).
 * The differences of a double-keyed form: ./verschillen/_keyingId/index.ts; a duplicate
 * form: ./dubbel/_duplicateId/index.ts.
 *
 * Researchers only: these pages show codes next to keyed answers (the reviewer needs
 * the code to find the paper form).
 */
import type { FastifyPluginAsync } from 'fastify'
import { awaitingReview } from '#src/server/services/paper/double-keying.ts'
import { openDuplicates } from '#src/server/services/paper/paper-duplicates.ts'
import { keyingPerDay, keyingPerTypist, paperWork } from '#src/server/services/paper/paper-stats.ts'
import type { Params } from './_paper-page.ts'
import { percent } from './_paper-page.ts'

const paperPages: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Params }>('/', async (request, reply) => {
    const round = request.round!
    const db = app.db
    const [work, perDay, perTypist, reviews, duplicates] = await Promise.all([
      paperWork(db, round.id),
      keyingPerDay(db, round.id),
      keyingPerTypist(db, round.id),
      awaitingReview(db, round.id),
      openDuplicates(db, round.id),
    ])
    return reply.staffPage('staff/paper/overview.eta', request.t('typist.staff.title'), {
      work,
      totals: {
        withCode: work.strata.reduce((sum, s) => sum + s.withCode, 0),
        noCode: work.strata.reduce((sum, s) => sum + s.noCode, 0),
      },
      perDay,
      perTypist: perTypist.map((p) => ({
        ...p,
        agreementText: percent(p.agreement, request.lang),
        accuracyText: percent(p.accuracy, request.lang),
      })),
      reviews,
      duplicates: duplicates.map((d) => ({ ...d, earlierText: request.t(`typist.modes.${d.earlierMode}`) })),
    })
  })
}

export default paperPages
