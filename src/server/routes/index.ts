/** `/`: the start page where a respondent types the code from the letter. */
import type { FastifyPluginAsync } from 'fastify'
import { signInError, signInWithCode } from '#src/server/services/respondent/sign-in.ts'
import { afterSignIn } from '#src/server/routes/vragenlijst/_respondent-page.ts'

const startPage: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    return reply.page('respondent/login.eta', { code: '', error: null }, { title: request.t('respondent.login.title') })
  })

  app.post<{ Body: { code?: string } }>('/', async (request, reply) => {
    const code = String(request.body?.code ?? '').slice(0, 40)
    const result = await signInWithCode(request, code)
    if (result.ok) return reply.redirect(await afterSignIn(app, request), 303)
    reply.status(result.problem === 'tooMany' ? 429 : 422)
    return reply.page(
      'respondent/login.eta',
      { code, error: signInError(request, result) },
      { title: request.t('respondent.login.title') },
    )
  })
}

export default startPage
