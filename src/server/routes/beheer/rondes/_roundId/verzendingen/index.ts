/**
 * `/beheer/rondes/:roundId/verzendingen`: every mailing of the round, the e-mail
 * invitation, reminders, and marking participants as opted out / letter returned /
 * e-mail bounced.
 * - `/verzendingen/herinnering?brief=1&email=1`: who a reminder would reach, per
 *   municipality, before it is confirmed (`&formulier=1`: with a fresh paper form).
 * One mailing: ./_mailingId/index.ts.
 */
import type { FastifyPluginAsync } from 'fastify'
import { field } from '#src/server/http/upload-form.ts'
import { startEmailSending, startPrintFiles } from '#src/server/jobs/fieldwork.ts'
import type { Channel } from '#src/server/services/fieldwork/mailings.ts'
import {
  createMailings,
  eligibleCounts,
  mailingHistory,
  MailingRefusedError,
} from '#src/server/services/fieldwork/mailings.ts'
import { queueStatus } from '#src/server/services/fieldwork/email-queue.ts'
import type { Mark } from '#src/server/services/fieldwork/participant-marks.ts'
import { findParticipant, markCounts, MARKS, setMark } from '#src/server/services/fieldwork/participant-marks.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import { languageLabel } from '#src/server/routes/beheer/_language-label.ts'
import { draftLanguageLetters } from '#src/server/services/fieldwork/draft-language-letters.ts'
import { describeProblems, PrintRefusedError, printProblems } from '#src/server/services/fieldwork/print-readiness.ts'
import { noticePrintRefusal } from '../_print-refusal.ts'

type Query = Record<string, string | undefined>

function channelsOf(fields: Query | undefined): Channel[] {
  const channels: Channel[] = []
  if (fields?.brief) channels.push('letter')
  if (fields?.email) channels.push('email')
  return channels
}

const mailingPages: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    const round = request.round!
    const history = await Promise.all(
      (await mailingHistory(app.db, round.id)).map(async (m) => ({
        ...m,
        queue: m.channel === 'email' ? await queueStatus(app.db, m.id) : null,
      })),
    )
    const emailInvitationSent = history.some((m) => m.kind === 'invitation' && m.channel === 'email')
    const emailEligible = emailInvitationSent ? [] : await eligibleCounts(app.db, round.id, 'invitation', 'email')
    return reply.staffPage('staff/fieldwork/mailings.eta', request.t('fieldwork.mailings.title'), {
      history,
      emailInvitationSent,
      emailEligible,
      emailEligibleTotal: emailEligible.reduce((n, s) => n + s.count, 0),
      marks: await markCounts(app.db, round.id),
      markOptions: MARKS,
    })
  })

  app.post<{ Body: Query }>('/', async (request, reply) => {
    const round = request.round!
    const base = `/beheer/rondes/${round.id}/verzendingen`
    if (field(request.body, 'actie') !== 'uitnodiging-email') return reply.redirect(base, 303)
    try {
      const [mailing] = await createMailings(app.db, round.id, 'invitation', ['email'], {
        actor: staffActor(request),
        publicUrl: app.config.publicUrl,
      })
      startEmailSending(app.db, app.config, request.log)
      request.notice('fieldwork.mailings.emailSent')
      return reply.redirect(`${base}/${mailing!.mailingId}`, 303)
    } catch (error) {
      if (!(error instanceof MailingRefusedError)) throw error
      request.notice(`fieldwork.mailings.refused.${error.key}`, undefined, 'refused')
      return reply.redirect(base, 303)
    }
  })

  // --- Reminders

  app.get<{ Querystring: Query }>('/herinnering', async (request, reply) => {
    const round = request.round!
    const channels = channelsOf(request.query)
    if (channels.length === 0) {
      request.notice('fieldwork.mailings.chooseChannel', undefined, 'refused')
      return reply.redirect(`/beheer/rondes/${round.id}/verzendingen#herinnering`, 303)
    }
    const counts = await Promise.all(
      channels.map(async (channel) => {
        const perStratum = await eligibleCounts(app.db, round.id, 'reminder', channel)
        return { channel, perStratum, total: perStratum.reduce((n, s) => n + s.count, 0) }
      }),
    )
    const draftLetters = channels.includes('letter') ? await draftLanguageLetters(app.db, round, 'reminder') : []
    const problems = channels.includes('letter')
      ? await printProblems(app.db, round.id, 'reminder', app.config.publicUrl)
      : undefined
    return reply.staffPage('staff/fieldwork/reminder.eta', request.t('fieldwork.mailings.reminderPreviewTitle'), {
      readiness: problems ? describeProblems(problems, request.t) : [],
      draftLetters: draftLetters.map((d) => ({ label: languageLabel(d.language, request.lang), letters: d.letters })),
      counts,
      channels,
      forms: channels.includes('letter') && Boolean(request.query.formulier),
      nobody: counts.every((c) => c.total === 0),
    })
  })

  app.post<{ Body: Query }>('/herinnering', async (request, reply) => {
    const round = request.round!
    const base = `/beheer/rondes/${round.id}/verzendingen`
    const channels = channelsOf(request.body)
    if (channels.length === 0) {
      request.notice('fieldwork.mailings.chooseChannel', undefined, 'refused')
      return reply.redirect(base, 303)
    }
    try {
      const made = await createMailings(app.db, round.id, 'reminder', channels, {
        actor: staffActor(request),
        publicUrl: app.config.publicUrl,
        // A fresh paper form with each reminder letter, collated with it.
        forms: field(request.body, 'formulier') === '1',
      })
      if (made.some((m) => m.channel === 'letter')) startPrintFiles(app.db, app.config, request.log)
      if (made.some((m) => m.channel === 'email')) startEmailSending(app.db, app.config, request.log)
      request.notice('fieldwork.mailings.reminderMade')
    } catch (error) {
      if (error instanceof PrintRefusedError) {
        noticePrintRefusal(request, error)
        return reply.redirect(base, 303)
      }
      if (!(error instanceof MailingRefusedError)) throw error
      request.notice(`fieldwork.mailings.refused.${error.key}`, undefined, 'refused')
    }
    return reply.redirect(base, 303)
  })

  // --- Marks

  app.post<{ Body: Query }>('/markeren', async (request, reply) => {
    const round = request.round!
    const t = request.t
    const identifier = field(request.body, 'deelnemer').slice(0, 60)
    const mark = field(request.body, 'markering') as Mark
    const undo = field(request.body, 'ongedaan') === '1'
    const base = `/beheer/rondes/${round.id}/verzendingen#markeren`
    if (!MARKS.includes(mark)) return reply.redirect(base, 303)
    const participant = await findParticipant(app.db, round.id, identifier)
    if (!participant) {
      request.notice('fieldwork.mailings.notFound', { value: identifier }, 'refused')
      return reply.redirect(base, 303)
    }
    await setMark(app.db, round.id, participant.id, mark, !undo, staffActor(request))
    request.notice(undo ? 'fieldwork.mailings.unmarked' : 'fieldwork.mailings.marked', {
      name: participant.name,
      number: participant.clientNumber ?? '—',
      mark: t(`fieldwork.mailings.marks.${mark}`),
    })
    return reply.redirect(base, 303)
  })
}

export default mailingPages
