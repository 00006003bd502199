/**
 * `/beheer/rondes/:roundId/brieven`: letter templates, the invitation letters, and the
 * print files of every letter mailing.
 * - `/brieven/sjabloon?soort=uitnodiging|herinnering&gemeente=<id>`: edit a template
 *   (round-wide without `gemeente`), with logo upload and a PDF preview.
 * - `/brieven/:mailingId`: the mailing's print files per municipality, with progress
 *   while they are made (the page refreshes itself), downloads, the mailing list CSV, and
 *   "make again" (same people, same codes).
 */
import { createReadStream } from 'node:fs'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { PassThrough } from 'node:stream'
import {
  FIELDWORK_ROLES,
  flash,
  mailingFromUrl,
  renderFieldwork,
  roundFromUrl,
  takeFlash,
} from '#src/server/fieldwork-page.ts'
import type { UploadBody } from '#src/server/http/upload-form.ts'
import { acceptUploadForms, field, uploadedFile } from '#src/server/http/upload-form.ts'
import { startPrintFiles } from '#src/server/jobs/fieldwork.ts'
import type { MailingKind } from '#src/server/db/schema.ts'
import type { FieldworkRound } from '#src/server/services/rounds/fieldwork-round.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import {
  createMailings,
  eligibleCounts,
  mailingHistory,
  MailingRefusedError,
} from '#src/server/services/fieldwork/mailings.ts'
import { batchesOfRound, batchFile, remakeBatches } from '#src/server/services/fieldwork/letter-batches.ts'
import { mailingListCsv } from '#src/server/services/fieldwork/mailing-list.ts'
import type { Logo, TemplateContent, TemplateProblem } from '#src/server/services/fieldwork/letter-templates.ts'
import {
  checkTemplate,
  deleteStratumTemplate,
  effectiveTemplate,
  exampleLetter,
  logoType,
  MAX_LOGO_BYTES,
  saveTemplate,
  templateOverview,
  templatePrints,
  writePreview,
} from '#src/server/services/fieldwork/letter-templates.ts'
import { MERGE_FIELDS } from '#src/mailmerge/index.ts'
import { formatDate } from '#src/i18n/translate.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import { editorLanguages, problemsByField, readTemplateForm, templateFormValues } from './_template-form.ts'

const KINDS: Record<string, MailingKind> = { uitnodiging: 'invitation', herinnering: 'reminder' }
const KIND_PARAM: Record<MailingKind, string> = { invitation: 'uitnodiging', reminder: 'herinnering' }
/** Seconds between reloads of a page that shows progress. */
const REFRESH_SECONDS = 3

interface TemplateQuery {
  soort?: string
  gemeente?: string
}

const letterPages: FastifyPluginAsync = async (app) => {
  acceptUploadForms(app, 2 * MAX_LOGO_BYTES)
  const options = { config: { roles: FIELDWORK_ROLES } }

  // --- Overview

  app.get('/', options, async (request, reply) => {
    const round = await roundFromUrl(request, reply)
    if (!round) return reply
    const templates = await templateOverview(app.db, round.id)
    const has = (kind: MailingKind, stratumId: number | null) =>
      templates.some((x) => x.kind === kind && x.stratum_id === stratumId)
    const rows = (['invitation', 'reminder'] as const).map((kind) => ({
      kind,
      param: KIND_PARAM[kind],
      round: has(kind, null),
      strata: round.strata.map((s) => ({ id: s.id, name: s.name, own: has(kind, s.id) })),
    }))
    const mailings = (await mailingHistory(app.db, round.id)).filter((m) => m.channel === 'letter')
    const invitationSent = mailings.some((m) => m.kind === 'invitation')
    const eligible = invitationSent ? [] : await eligibleCounts(app.db, round.id, 'invitation', 'letter')
    return renderFieldwork(request, reply, 'letters.eta', round, request.t('fieldwork.letters.title'), {
      templates: rows,
      mailings,
      invitationSent,
      eligible,
      eligibleTotal: eligible.reduce((n, s) => n + s.count, 0),
      message: takeFlash(request),
    })
  })

  app.post<{ Body: Record<string, string> }>('/', options, async (request, reply) => {
    const round = await roundFromUrl(request, reply)
    if (!round) return reply
    if (field(request.body, 'actie') !== 'uitnodiging') return reply.redirect(`/beheer/rondes/${round.id}/brieven`, 303)
    try {
      const [mailing] = await createMailings(app.db, round.id, 'invitation', ['letter'], {
        actor: staffActor(request),
        publicUrl: app.config.publicUrl,
      })
      startPrintFiles(app.db, app.config, request.log)
      return reply.redirect(`/beheer/rondes/${round.id}/brieven/${mailing!.mailingId}`, 303)
    } catch (error) {
      if (!(error instanceof MailingRefusedError)) throw error
      flash(request, request.t(`fieldwork.mailings.refused.${error.key}`))
      return reply.redirect(`/beheer/rondes/${round.id}/brieven`, 303)
    }
  })

  // --- Templates

  /** The template's place from the query, or undefined after a 404. */
  function templatePlace(round: FieldworkRound, query: TemplateQuery) {
    const kind = KINDS[query.soort ?? '']
    const stratum = query.gemeente ? round.strata.find((s) => String(s.id) === query.gemeente) : null
    if (!kind || stratum === undefined) return undefined
    return { kind, stratum }
  }

  async function showTemplate(
    request: FastifyRequest,
    reply: FastifyReply,
    round: FieldworkRound,
    place: { kind: MailingKind; stratum: { id: number; name: string } | null },
    edited?: { content: TemplateContent; problems: TemplateProblem[] },
  ) {
    const t = request.t
    const stored = await effectiveTemplate(app.db, round.id, place.stratum?.id ?? null, place.kind)
    const languages = editorLanguages(round.languages)
    const content: TemplateContent = edited?.content ?? stored.template
    const query = `soort=${KIND_PARAM[place.kind]}${place.stratum ? `&gemeente=${place.stratum.id}` : ''}`
    return renderFieldwork(request, reply, 'letter-template.eta', round, t('fieldwork.letters.template.title'), {
      kind: place.kind,
      stratum: place.stratum,
      source: stored.source,
      hasLogo: Boolean(stored.template.logo),
      values: templateFormValues(content, languages),
      ...(() => {
        const { byField, summary } = problemsByField(edited?.problems ?? [], t)
        return { problems: byField, summary }
      })(),
      action: `/beheer/rondes/${round.id}/brieven/sjabloon?${query}`,
      mergeFields: MERGE_FIELDS.map((f) => ({
        name: `{${f}}`,
        description: t(`fieldwork.letters.template.mergeFields.${f}`),
      })),
      message: takeFlash(request),
    })
  }

  app.get<{ Querystring: TemplateQuery }>('/sjabloon', options, async (request, reply) => {
    const round = await roundFromUrl(request, reply)
    if (!round) return reply
    const place = templatePlace(round, request.query)
    if (!place) return reply.callNotFound()
    return showTemplate(request, reply, round, place)
  })

  app.post<{ Querystring: TemplateQuery; Body: UploadBody }>('/sjabloon', options, async (request, reply) => {
    const round = await roundFromUrl(request, reply)
    if (!round) return reply
    const place = templatePlace(round, request.query)
    if (!place) return reply.callNotFound()
    const t = request.t
    const action = field(request.body, 'actie')
    const actor = staffActor(request)
    const back = `/beheer/rondes/${round.id}/brieven`

    if (action === 'verwijderen' && place.stratum) {
      await deleteStratumTemplate(app.db, round.id, place.stratum.id, place.kind, actor)
      flash(request, t('fieldwork.letters.template.deleted', { name: place.stratum.name }))
      return reply.redirect(back, 303)
    }

    const content = readTemplateForm(request.body, editorLanguages(round.languages))
    const problems = checkTemplate(content)
    const file = uploadedFile(request.body, 'logo')
    let logo: Logo | 'keep' | 'remove' = field(request.body, 'logo-weg') ? 'remove' : 'keep'
    if (file) {
      const type = logoType(file.data)
      if (!type) problems.push({ field: 'logo', key: 'logoType' })
      else if (file.data.length > MAX_LOGO_BYTES)
        problems.push({ field: 'logo', key: 'logoSize', params: { max: '1 MB' } })
      else logo = { data: file.data, type }
    }
    const stored = await effectiveTemplate(app.db, round.id, place.stratum?.id ?? null, place.kind)
    const template = {
      kind: place.kind,
      ...content,
      ...(logo === 'keep'
        ? stored.template.logo
          ? { logo: stored.template.logo }
          : {}
        : logo === 'remove'
          ? {}
          : { logo: logo.data }),
    }
    const stratumName = place.stratum?.name ?? round.strata[0]?.name ?? ''
    const example = exampleLetter(app.config.publicUrl, formatDate(round.closesOn, 'nl'), stratumName)
    if (problems.length === 0 && !(await templatePrints(template, example)))
      problems.push({ field: 'logo', key: 'logoUnreadable' })
    if (problems.length > 0) {
      reply.status(422)
      return showTemplate(request, reply, round, place, { content, problems })
    }

    if (action === 'voorbeeld') {
      // The preview is made from the form as it is, saved or not; a made-up addressee.
      const out = new PassThrough()
      void writePreview(template, example, out).catch((err: unknown) => {
        request.log.error({ err }, 'letter preview failed')
        out.destroy()
      })
      reply.header('content-type', 'application/pdf')
      reply.header('content-disposition', 'inline; filename="voorbeeldbrief.pdf"')
      reply.header('cache-control', 'no-store')
      return reply.send(out)
    }
    await saveTemplate(app.db, round.id, place.stratum?.id ?? null, place.kind, content, logo, actor)
    flash(request, t('fieldwork.letters.template.saved'))
    return reply.redirect(back, 303)
  })

  // --- A letter mailing's print files

  app.get<{ Params: { mailingId: string } }>('/:mailingId', options, async (request, reply) => {
    const found = await mailingFromUrl(request, reply, 'letter')
    if (!found) return reply
    const { round, mailing } = found
    const batches = await batchesOfRound(app.db, round.id, mailing.id)
    const busy = batches.some((b) => b.status === 'queued' || b.status === 'running')
    if (busy) reply.header('refresh', String(REFRESH_SECONDS))
    return renderFieldwork(request, reply, 'letter-mailing.eta', round, request.t('fieldwork.letters.mailingTitle'), {
      mailing,
      letters: batches.filter((b) => b.content === 'letters'),
      questionnaires: batches.filter((b) => b.content === 'questionnaires'),
      busy,
      refreshSeconds: REFRESH_SECONDS,
      message: takeFlash(request),
    })
  })

  app.post<{ Params: { mailingId: string }; Body: Record<string, string> }>(
    '/:mailingId',
    options,
    async (request, reply) => {
      const found = await mailingFromUrl(request, reply, 'letter')
      if (!found) return reply
      const { round, mailing } = found
      if (field(request.body, 'actie') === 'opnieuw') {
        const count = await remakeBatches(app.db, round.id, mailing.id, staffActor(request))
        startPrintFiles(app.db, app.config, request.log)
        flash(request, request.t('fieldwork.letters.remade', { count }))
      }
      return reply.redirect(`/beheer/rondes/${round.id}/brieven/${mailing.id}`, 303)
    },
  )

  app.get<{ Params: { mailingId: string; batchId: string } }>(
    '/:mailingId/bestand/:batchId',
    options,
    async (request, reply) => {
      const found = await mailingFromUrl(request, reply, 'letter')
      if (!found) return reply
      const { round, mailing } = found
      const batchId = request.params.batchId
      const file = /^\d{1,9}$/.test(batchId)
        ? await batchFile(app.db, app.config, round.id, Number(batchId))
        : undefined
      if (!file) return reply.callNotFound()
      await audit(
        app.db,
        staffActor(request),
        'letters.download',
        { mailingId: mailing.id, batchId: Number(batchId) },
        round.id,
      )
      reply.header('content-type', 'application/pdf')
      reply.header('content-disposition', `attachment; filename="${file.name}"`)
      reply.header('cache-control', 'no-store')
      return reply.send(createReadStream(file.path))
    },
  )

  app.get<{ Params: { mailingId: string } }>('/:mailingId/adreslijst.csv', options, async (request, reply) => {
    const found = await mailingFromUrl(request, reply, 'letter')
    if (!found) return reply
    const { round, mailing } = found
    await audit(app.db, staffActor(request), 'mailing-list.download', { mailingId: mailing.id }, round.id)
    reply.header('content-type', 'text/csv; charset=utf-8')
    reply.header(
      'content-disposition',
      `attachment; filename="adreslijst-${KIND_PARAM[mailing.kind]}-${mailing.id}.csv"`,
    )
    reply.header('cache-control', 'no-store')
    return reply.send(mailingListCsv(app.db, mailing.id, app.config.publicUrl))
  })
}

export default letterPages
