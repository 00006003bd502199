/**
 * `/c/<code>`: the link in the QR code and the e-mail. It signs in and redirects to an
 * address without the code, so the code does not stay in the address bar or history.
 */
import type { FastifyPluginAsync } from 'fastify'
import { signInError, signInWithCode } from '#src/server/services/respondent/sign-in.ts'
import { afterSignIn } from '#src/server/routes/vragenlijst/_respondent-page.ts'

const codeLink: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { code: string } }>('/:code', async (request, reply) => {
    const result = await signInWithCode(request, request.params.code)
    if (result.ok) return reply.redirect(await afterSignIn(app, request), 303)
    reply.status(result.problem === 'tooMany' ? 429 : 404)
    return reply.page(
      'respondent/login.eta',
      { code: '', error: signInError(request, result) },
      { title: request.t('respondent.login.title') },
    )
  })
}

export default codeLink
