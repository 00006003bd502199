/**
 * `/beheer/vertalingen`: the client's texts per language, for researchers.
 *
 *   GET  /beheer/vertalingen                  → each language's status, the downloads, the upload form
 *   GET  /beheer/vertalingen/bestand/:taal    → the translation file of a language (XLSX)
 *   POST /beheer/vertalingen                  → upload a file: every row checked; stored only when clean
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { UiLanguage } from '#src/i18n/translate.ts'
import { isUiLanguage } from '#src/i18n/translate.ts'
import type { UploadBody } from '#src/server/http/upload-form.ts'
import { acceptUploadForms, field, uploadedFile } from '#src/server/http/upload-form.ts'
import type { TranslationProblem } from '#src/server/services/translations/translation-check.ts'
import { checkTranslationRows } from '#src/server/services/translations/translation-check.ts'
import { letterFitProblems } from '#src/server/services/translations/letter-fit.ts'
import {
  FILE_WORDS,
  fileName,
  MAX_FILE_BYTES,
  readTranslationFile,
  TranslationFileError,
  translationWorkbook,
} from '#src/server/services/translations/translation-file.ts'
import {
  correctionsForFile,
  languageStatuses,
  saveTranslation,
} from '#src/server/services/translations/translation-store.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'
import { numberFormats } from '#src/server/routes/beheer/_format.ts'
import { languageLabel } from '#src/server/routes/beheer/_language-label.ts'

/** More than a page can usefully list; the rest is counted. */
const MAX_PROBLEMS_SHOWN = 200

interface UploadOutcome {
  language: string
  problems: string[]
  more: number
}

const translationPages: FastifyPluginAsync = async (app) => {
  await acceptUploadForms(app, MAX_FILE_BYTES)

  async function overview(request: FastifyRequest, reply: FastifyReply, outcome?: UploadOutcome) {
    const statuses = await languageStatuses(app.db)
    return reply.staffPage('staff/translations.eta', request.t('management.translations.title'), {
      clientLanguages: statuses.map((s) => ({ ...s, label: languageLabel(s.language, request.lang) })),
      chosen: outcome?.language ?? '',
      problems: outcome?.problems ?? [],
      moreProblems: outcome?.more ?? 0,
      maxFileMb: MAX_FILE_BYTES / (1024 * 1024),
      checkedWord: FILE_WORDS.checked,
      fmt: numberFormats(request.lang),
    })
  }

  function refuse(request: FastifyRequest, reply: FastifyReply, language: string, problems: TranslationProblem[]) {
    const texts = problems.map((p) => request.t(`management.translations.problems.${p.key}`, p.params))
    reply.status(422)
    return overview(request, reply, {
      language,
      problems: texts.slice(0, MAX_PROBLEMS_SHOWN),
      more: Math.max(0, texts.length - MAX_PROBLEMS_SHOWN),
    })
  }

  function refuseWith(request: FastifyRequest, reply: FastifyReply, language: string, text: string) {
    reply.status(422)
    return overview(request, reply, { language, problems: [text], more: 0 })
  }

  app.get('/', async (request, reply) => overview(request, reply))

  app.get<{ Params: { language: string } }>('/bestand/:language', async (request, reply) => {
    const language = request.params.language
    if (!isUiLanguage(language)) return reply.callNotFound()
    const status = (await languageStatuses(app.db)).find((s) => s.language === language)!
    const workbook = await translationWorkbook(
      language,
      await correctionsForFile(app.db, language),
      status.review,
      request.t,
    )
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    reply.header('content-disposition', `attachment; filename="${fileName(language)}"`)
    reply.header('cache-control', 'no-store')
    return reply.send(workbook)
  })

  app.post<{ Body: UploadBody }>('/', async (request, reply) => {
    const t = request.t
    const chosen = field(request.body, 'taal')
    const file = uploadedFile(request.body, 'bestand')
    if (!isUiLanguage(chosen)) return refuseWith(request, reply, '', t('management.translations.noLanguage'))
    const language: UiLanguage = chosen
    if (!file) return refuseWith(request, reply, language, t('management.translations.noFile'))
    let rows: Awaited<ReturnType<typeof readTranslationFile>>
    try {
      rows = await readTranslationFile(file.data)
    } catch (error) {
      if (!(error instanceof TranslationFileError)) throw error
      return refuseWith(request, reply, language, t(`management.translations.fileErrors.${error.key}`, error.params))
    }
    const check = checkTranslationRows(language, rows)
    if (!check.ok) return refuse(request, reply, language, check.problems)
    const tooLong = await letterFitProblems(language, check.texts, check.rows, app.config.publicUrl)
    if (tooLong.length > 0) return refuse(request, reply, language, tooLong)
    const saved = await saveTranslation(app.db, language, check.texts, check.allChecked, staffActor(request))
    request.notice('management.translations.saved', {
      language: languageLabel(language, request.lang),
      corrected: saved.corrected,
      status: t(`management.translations.review.${saved.review}`),
    })
    return reply.redirect('/beheer/vertalingen', 303)
  })
}

export default translationPages
