/**
 * `/beheer/vragenlijsten/:key/:version`: one questionnaire version, for researchers.
 *
 *   GET  …/:key/:version                 → details, the rounds using it, the diff against its base (or ?tegen=key:version)
 *   GET  …/:key/:version/bestand/yaml    → the version as YAML (also /bestand/xlsx)
 *   GET  …/:key/:version/voorbeeld       → as a respondent sees it, per language (?taal=), with the routing spelt out
 *   GET  …/:key/:version/papier          → the paper form as a PDF (?taal=), TESTAFDRUK across it, a made-up code
 *   POST …/:key/:version/kopie           → copy it to the next free version number
 *
 * The preview uses no respondent session and stores nothing: it is drawn from the
 * definition alone, with the respondent's own question templates.
 */
import { PassThrough } from 'node:stream'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { generateLoginCode } from '#src/codes/login-code.ts'
import { writePaperQuestionnaireBatch } from '#src/mailmerge/index.ts'
import type { Condition, QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { QuestionChange } from '#src/questionnaire/diff.ts'
import { diffDefinitions, isEmptyDiff } from '#src/questionnaire/diff.ts'
import { allQuestions, describeCondition } from '#src/questionnaire/index.ts'
import type { Translate } from '#src/i18n/translate.ts'
import type { QuestionnaireFormat } from '#src/server/services/questionnaires/questionnaire-file.ts'
import {
  CONTENT_TYPES,
  downloadHeader,
  QUESTIONNAIRE_FORMATS,
  questionnaireFile,
  questionnaireFileName,
} from '#src/server/services/questionnaires/questionnaire-file.ts'
import type { StoredVersion } from '#src/server/services/questionnaires/questionnaire-store.ts'
import { copyVersion, listVersions, loadVersion } from '#src/server/services/questionnaires/questionnaire-store.ts'
import { questionnairePreview } from '#src/server/routes/beheer/rondes/_roundId/_preview.ts'
import { languageName } from '#src/i18n/language-names.ts'
import { languageLabel } from '#src/server/routes/beheer/_language-label.ts'
import { idParam, notFound } from '#src/server/routes/beheer/_respond.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'

type Params = { key: string; version: string }

const KEY = /^[a-z][a-z0-9_-]{0,99}$/

/** The version the URL names, or undefined (the page answers 404). */
async function versionOfUrl(request: FastifyRequest<{ Params: Params }>): Promise<StoredVersion | undefined> {
  const { key } = request.params
  const version = idParam(request.params.version)
  if (!KEY.test(key) || version === null) return undefined
  return loadVersion(request.server.db, key, version)
}

/** The language asked for, when the definition has it; else Dutch. */
function chosenLanguage(definition: QuestionnaireDefinition, asked: unknown): string {
  return typeof asked === 'string' && definition.languages.includes(asked) ? asked : (definition.languages[0] ?? 'nl')
}

/** One change as lines for the page: a sentence, and for a reworded text the Dutch before and after. */
function describeChange(
  change: QuestionChange,
  base: QuestionnaireDefinition,
  next: QuestionnaireDefinition,
  t: Translate,
  lang: string,
): { text: string; before?: string; after?: string } {
  const d = 'management.questionnaires.diff.changes'
  const none = t('management.questionnaires.version.none')
  const routing = (definition: QuestionnaireDefinition, condition: Condition | undefined) =>
    condition ? describeCondition(definition, condition, lang) : t(`${d}.everyone`)
  switch (change.kind) {
    case 'text': {
      const languages = change.languages.join(', ')
      const text =
        change.part === 'item'
          ? t(`${d}.item`, { item: change.item, languages })
          : change.part === 'option'
            ? t(`${d}.option`, { value: change.value, languages })
            : t(`${d}.${change.part}`, { languages })
      return change.before === change.after ? { text } : { text, before: change.before, after: change.after }
    }
    case 'codes':
      return {
        text: [
          change.added.length > 0 ? t(`${d}.codesAdded`, { codes: change.added.join(', ') }) : '',
          change.removed.length > 0 ? t(`${d}.codesRemoved`, { codes: change.removed.join(', ') }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      }
    case 'items':
      return {
        text: [
          change.added.length > 0 ? t(`${d}.itemsAdded`, { items: change.added.join(', ') }) : '',
          change.removed.length > 0 ? t(`${d}.itemsRemoved`, { items: change.removed.join(', ') }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      }
    case 'concept':
      return { text: t(`${d}.concept`, { before: change.before ?? none, after: change.after ?? none }) }
    case 'number':
    case 'type':
      return { text: t(`${d}.${change.kind}`, { before: change.before, after: change.after }) }
    case 'routing':
      return {
        text: t(`${d}.routing`, { before: routing(base, change.before), after: routing(next, change.after) }),
      }
  }
}

const versionPage: FastifyPluginAsync = async (app) => {
  async function page(
    request: FastifyRequest<{ Params: Params; Querystring: { tegen?: string } }>,
    reply: FastifyReply,
  ) {
    const version = await versionOfUrl(request)
    if (!version) return notFound(request, reply)
    const t = request.t
    const definition = version.definition
    const others = (await listVersions(app.db)).filter((v) => v.id !== version.id)

    // Compared with: the version asked for, else the one it was made from.
    const asked =
      typeof request.query.tegen === 'string' ? /^([a-z][a-z0-9_-]*):(\d{1,9})$/.exec(request.query.tegen) : null
    const against = asked ? { key: asked[1]!, version: Number(asked[2]) } : version.basedOn
    const base = against ? await loadVersion(app.db, against.key, against.version) : undefined
    let diff = null
    if (base && base.id !== version.id) {
      const d = diffDefinitions(base.definition, definition)
      const lang = request.lang
      diff = {
        base: { key: base.key, version: base.version, title: base.title },
        empty: isEmptyDiff(d),
        added: d.added,
        removed: d.removed,
        changed: d.changed.map((c) => ({
          question: c.question,
          changes: c.changes.map((change) => describeChange(change, base.definition, definition, t, lang)),
        })),
        languagesAdded: d.languagesAdded.map((l) => languageLabel(l, lang)).join(', '),
        languagesRemoved: d.languagesRemoved.map((l) => languageLabel(l, lang)).join(', '),
      }
    }
    return reply.staffPage(
      'staff/questionnaire.eta',
      t('management.questionnaires.version.title', { title: version.title, version: version.version }),
      {
        version,
        definitionLanguages: definition.languages.map((code) => ({ code, label: languageLabel(code, request.lang) })),
        questionCount: allQuestions(definition).length,
        others,
        compared: base ? `${base.key}:${base.version}` : '',
        diff,
        formats: QUESTIONNAIRE_FORMATS,
      },
    )
  }

  app.get<{ Params: Params; Querystring: { tegen?: string } }>('/', page)

  app.get<{ Params: Params & { format: string } }>('/bestand/:format', async (request, reply) => {
    const version = await versionOfUrl(request)
    const format = request.params.format as QuestionnaireFormat
    if (!version || !QUESTIONNAIRE_FORMATS.includes(format)) return notFound(request, reply)
    const body = await questionnaireFile(version.definition, format, downloadHeader(version.definition, request.t))
    reply.header('content-type', CONTENT_TYPES[format])
    reply.header(
      'content-disposition',
      `attachment; filename="${questionnaireFileName(version.key, version.version, format)}"`,
    )
    reply.header('cache-control', 'no-store')
    return reply.send(body)
  })

  app.get<{ Params: Params; Querystring: { taal?: string } }>('/voorbeeld', async (request, reply) => {
    const version = await versionOfUrl(request)
    if (!version) return notFound(request, reply)
    const definition = version.definition
    const language = chosenLanguage(definition, request.query.taal)
    return reply.staffPage(
      'staff/questionnaire-preview.eta',
      request.t('management.questionnaires.preview.title', { title: version.title, version: version.version }),
      {
        version,
        preview: questionnairePreview(definition, language),
        previewLanguages: definition.languages.map((code) => ({ code, name: languageName(code) })),
        language,
      },
    )
  })

  app.get<{ Params: Params; Querystring: { taal?: string } }>('/papier', async (request, reply) => {
    const version = await versionOfUrl(request)
    if (!version) return notFound(request, reply)
    const definition = version.definition
    const lang = chosenLanguage(definition, request.query.taal)
    // A made-up code that is stored nowhere, and TESTAFDRUK across every page: an example, not a form.
    const out = new PassThrough()
    void writePaperQuestionnaireBatch(definition, [{ code: generateLoginCode(), lang, stratumName: '' }], out, {
      testPrint: true,
      duplex: false,
    }).catch((err: unknown) => {
      request.log.error({ err }, 'paper form preview failed')
      out.destroy()
    })
    reply.header('content-type', 'application/pdf')
    reply.header(
      'content-disposition',
      `inline; filename="voorbeeld-${version.key}-versie-${version.version}-${lang}.pdf"`,
    )
    reply.header('cache-control', 'no-store')
    return reply.send(out)
  })

  app.post<{ Params: Params }>('/kopie', async (request, reply) => {
    const version = await versionOfUrl(request)
    if (!version) return notFound(request, reply)
    const copy = await copyVersion(app.db, staffActor(request), version.key, version.version)
    if (!copy) return notFound(request, reply)
    request.notice('management.questionnaires.copied', { version: copy.version })
    return reply.redirect(`/beheer/vragenlijsten/${version.key}/${copy.version}`, 303)
  })
}

export default versionPage
