/**
 * `/beheer/rondes/:roundId/brieven`: letter templates, the invitation letters, and the
 * print files of every letter mailing.
 * - `/brieven/sjabloon?soort=uitnodiging|herinnering&gemeente=<id>`: edit a template
 *   (round-wide without `gemeente`), with logo upload and a PDF preview.
 * - `/brieven/proefafdruk?soort=…&inhoud=brieven|vragenlijsten&gemeente=<id>`: a test
 *   print of one municipality's letters or forms, marked TESTAFDRUK (test-print.ts).
 * Letters are made only when every template is complete and PUBLIC_URL is public
 * (print-readiness.ts); the page lists what is still missing.
 * One mailing's print files: ./_mailingId/index.ts.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { PassThrough } from 'node:stream'
import type { UploadBody } from '#src/server/http/upload-form.ts'
import { acceptUploadForms, field, uploadedFile } from '#src/server/http/upload-form.ts'
import { startPrintFiles } from '#src/server/jobs/fieldwork.ts'
import type { MailingKind } from '#src/server/db/schema.ts'
import type { StaffRound } from '#src/server/services/rounds/staff-round.ts'
import {
  createMailings,
  eligibleCounts,
  mailingHistory,
  MailingRefusedError,
} from '#src/server/services/fieldwork/mailings.ts'
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
import { draftLanguageLetters } from '#src/server/services/fieldwork/draft-language-letters.ts'
import {
  describeProblems,
  missingTemplateFields,
  PrintRefusedError,
  printProblems,
} from '#src/server/services/fieldwork/print-readiness.ts'
import { testPrintFileName, writeTestPrint } from '#src/server/services/fieldwork/test-print.ts'
import type { LetterBatchContent } from '#src/server/db/schema.ts'
import { languageLabel } from '#src/server/routes/beheer/_language-label.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import { editorLanguages, problemsByField, readTemplateForm, templateFormValues } from './_template-form.ts'
import { noticePrintRefusal } from '../_print-refusal.ts'

const KINDS: Record<string, MailingKind> = { uitnodiging: 'invitation', herinnering: 'reminder' }
const KIND_PARAM: Record<MailingKind, string> = { invitation: 'uitnodiging', reminder: 'herinnering' }
const CONTENTS: Record<string, LetterBatchContent> = { brieven: 'letters', vragenlijsten: 'questionnaires' }

interface TemplateQuery {
  soort?: string
  gemeente?: string
}

const letterPages: FastifyPluginAsync = async (app) => {
  await acceptUploadForms(app, 2 * MAX_LOGO_BYTES)

  // --- Overview

  app.get('/', async (request, reply) => {
    const round = request.round!
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
    // Before the invitation letters are made: which of them would carry texts nobody checked.
    const draftLetters = invitationSent ? [] : await draftLanguageLetters(app.db, round, 'invitation')
    const problems = invitationSent
      ? undefined
      : await printProblems(app.db, round.id, 'invitation', app.config.publicUrl)
    return reply.staffPage('staff/fieldwork/letters.eta', request.t('fieldwork.letters.title'), {
      readiness: problems ? describeProblems(problems, request.t) : [],
      draftLetters: draftLetters.map((d) => ({ label: languageLabel(d.language, request.lang), letters: d.letters })),
      templates: rows,
      mailings,
      invitationSent,
      eligible,
      eligibleTotal: eligible.reduce((n, s) => n + s.count, 0),
    })
  })

  app.post<{ Body: Record<string, string> }>('/', async (request, reply) => {
    const round = request.round!
    if (field(request.body, 'actie') !== 'uitnodiging') return reply.redirect(`/beheer/rondes/${round.id}/brieven`, 303)
    try {
      const [mailing] = await createMailings(app.db, round.id, 'invitation', ['letter'], {
        actor: staffActor(request),
        publicUrl: app.config.publicUrl,
      })
      startPrintFiles(app.db, app.config, request.log)
      return reply.redirect(`/beheer/rondes/${round.id}/brieven/${mailing!.mailingId}`, 303)
    } catch (error) {
      if (error instanceof PrintRefusedError) {
        noticePrintRefusal(request, error)
        return reply.redirect(`/beheer/rondes/${round.id}/brieven`, 303)
      }
      if (!(error instanceof MailingRefusedError)) throw error
      request.notice(`fieldwork.mailings.refused.${error.key}`, undefined, 'refused')
      return reply.redirect(`/beheer/rondes/${round.id}/brieven`, 303)
    }
  })

  // --- Test print: what the letters or forms look like now, marked TESTAFDRUK; not a mailing.

  app.get<{ Querystring: TemplateQuery & { inhoud?: string } }>('/proefafdruk', async (request, reply) => {
    const round = request.round!
    const kind = KINDS[request.query.soort ?? '']
    const content = CONTENTS[request.query.inhoud ?? '']
    const stratum = round.strata.find((s) => String(s.id) === request.query.gemeente)
    if (!kind || !content || !stratum || (kind === 'reminder' && content === 'questionnaires'))
      return reply.callNotFound()
    const out = new PassThrough()
    void writeTestPrint(
      app.db,
      { round, stratumId: stratum.id, kind, content, publicUrl: app.config.publicUrl },
      out,
    ).catch((err: unknown) => {
      request.log.error({ err }, 'test print failed')
      out.destroy()
    })
    reply.header('content-type', 'application/pdf')
    reply.header('content-disposition', `attachment; filename="${testPrintFileName(kind, content, stratum.code)}"`)
    reply.header('cache-control', 'no-store')
    return reply.send(out)
  })

  // --- Templates

  /** The template's place from the query, or undefined after a 404. */
  function templatePlace(round: StaffRound, query: TemplateQuery) {
    const kind = KINDS[query.soort ?? '']
    const stratum = query.gemeente ? round.strata.find((s) => String(s.id) === query.gemeente) : null
    if (!kind || stratum === undefined) return undefined
    return { kind, stratum }
  }

  async function showTemplate(
    request: FastifyRequest,
    reply: FastifyReply,
    round: StaffRound,
    place: { kind: MailingKind; stratum: { id: number; name: string } | null },
    edited?: { content: TemplateContent; problems: TemplateProblem[] },
  ) {
    const t = request.t
    const stored = await effectiveTemplate(app.db, round.id, place.stratum?.id ?? null, place.kind)
    const languages = editorLanguages(round.languages)
    const content: TemplateContent = edited?.content ?? stored.template
    const query = `soort=${KIND_PARAM[place.kind]}${place.stratum ? `&gemeente=${place.stratum.id}` : ''}`
    return reply.staffPage('staff/fieldwork/letter-template.eta', t('fieldwork.letters.template.title'), {
      kind: place.kind,
      stratum: place.stratum,
      source: stored.source,
      hasLogo: Boolean(stored.template.logo),
      // What printing would still refuse, for the template as stored.
      missing: missingTemplateFields(stored.template).map((f) => t(`fieldwork.letters.template.fields.${f}`)),
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
    })
  }

  app.get<{ Querystring: TemplateQuery }>('/sjabloon', async (request, reply) => {
    const round = request.round!
    const place = templatePlace(round, request.query)
    if (!place) return reply.callNotFound()
    return showTemplate(request, reply, round, place)
  })

  app.post<{ Querystring: TemplateQuery; Body: UploadBody }>('/sjabloon', async (request, reply) => {
    const round = request.round!
    const place = templatePlace(round, request.query)
    if (!place) return reply.callNotFound()
    const action = field(request.body, 'actie')
    const actor = staffActor(request)
    const back = `/beheer/rondes/${round.id}/brieven`

    if (action === 'verwijderen' && place.stratum) {
      await deleteStratumTemplate(app.db, round.id, place.stratum.id, place.kind, actor)
      request.notice('fieldwork.letters.template.deleted', { name: place.stratum.name })
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
    request.notice('fieldwork.letters.template.saved')
    return reply.redirect(back, 303)
  })
}

export default letterPages
