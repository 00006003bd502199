/**
 * A respondent's answers on this app instance, from page to page and to the submission,
 * free of HTTP (the route, routes/vragenlijst, renders what comes out):
 * - the context of a respondent's last saved page is remembered (`RecentContexts`), so
 *   the next page saves in one statement when nothing changed in between;
 * - page saves go to the database several respondents at a time under load (`SaveBatches`);
 * - a save or submission that finds its context out of date (another tab, instance, typist
 *   or staff member changed something) reads it afresh and merges onto what is stored now;
 *   after FRESH_ATTEMPTS reads it saves regardless, so a page is never lost to a busy writer.
 */
import type { Answers } from '#src/questionnaire/definition.ts'
import type { AnswerValidation, QuestionnairePage, ScreenedOut } from '#src/questionnaire/index.ts'
import { findPage, validateAnswers, visibilityOf } from '#src/questionnaire/index.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { ParticipantContext } from './participation.ts'
import {
  AlreadyCompletedError,
  loadParticipantContext,
  RoundNotOpenError,
  roundAvailability,
  StaleAnswersError,
  saveProgress,
  saveProgressIfUnchanged,
  submitOnline,
} from './participation.ts'
import { RecentContexts } from './recent-contexts.ts'
import { SaveBatches } from './save-batches.ts'

/** What a questionnaire page posts: its answers, and which button was pressed. */
export type PageBody = Record<string, string | string[] | undefined> & { action?: string }

/** Fresh reads a page save or submission makes when others keep saving in between, before it saves regardless. */
export const FRESH_ATTEMPTS = 3

export interface AnswerSavingOptions {
  /** How long a context stays remembered after its last use, and how many are kept. */
  recentIdleMs: number
  recentMaxEntries: number
  /** Page-save statements under way at once, and respondents per statement (see SaveBatches). */
  saveLanes: number
  saveBatchMax: number
}

const DEFAULTS: AnswerSavingOptions = {
  recentIdleMs: 5 * 60 * 1000,
  recentMaxEntries: 5000,
  saveLanes: 2,
  saveBatchMax: 100,
}

/** Whether this context may answer now: signed in, not completed, the round open. */
export function mayAnswer(context: ParticipantContext | undefined): context is ParticipantContext {
  return (
    context !== undefined && context.participant.status !== 'completed' && roundAvailability(context.round) === 'open'
  )
}

/** A page that was saved, with what the route needs to decide where the respondent goes next. */
export interface SavedPage {
  kind: 'saved'
  context: ParticipantContext
  page: QuestionnairePage
  /** Routing as it was with the answers stored before this page: what the page showed. */
  before: ReturnType<typeof visibilityOf>
  result: AnswerValidation
}

export type PageSaveOutcome =
  | SavedPage
  /** The page is not one the respondent can see now. */
  | { kind: 'notShown' }
  /** The context no longer allows answering (read afresh: signed out, completed, round closed). */
  | { kind: 'refused'; context: ParticipantContext | undefined }
  /** The response was completed meanwhile (another tab, or a paper form). */
  | { kind: 'completed' }

export type SubmissionOutcome =
  /** `screenedOut`: a screen-out answer ended the questionnaire; the response is stored as such. */
  | { kind: 'submitted'; screenedOut?: ScreenedOut }
  | { kind: 'refused'; context: ParticipantContext | undefined }
  | { kind: 'completed' }
  /** Required questions (`required: true`) the respondent sees are still unanswered; nothing was sent. */
  | { kind: 'incomplete'; context: ParticipantContext; questionIds: string[] }

/**
 * How a save goes:
 * - `remembered`: only if nothing changed since the context was read; a page the
 *   context's answers hide may be shown by the saved ones, so that is stale too;
 * - `fresh`: only if nothing changed since the context was read (just now);
 * - `regardless`: overwrite, as the last resort when others keep saving in between.
 */
type SaveMode = 'remembered' | 'fresh' | 'regardless'

const STALE = Symbol('stale context')

export class AnswerSaving {
  private readonly db: DB
  private readonly recent: RecentContexts
  private readonly batches: SaveBatches
  private readonly sweep: NodeJS.Timeout

  constructor(db: DB, options: Partial<AnswerSavingOptions> = {}) {
    const o = { ...DEFAULTS, ...options }
    this.db = db
    this.recent = new RecentContexts({ maxEntries: o.recentMaxEntries, idleMs: o.recentIdleMs })
    this.batches = new SaveBatches((saves) => saveProgressIfUnchanged(db, saves), {
      lanes: o.saveLanes,
      maxBatch: o.saveBatchMax,
    })
    this.sweep = setInterval(() => this.recent.dropIdle(), 60 * 1000).unref()
  }

  close(): void {
    clearInterval(this.sweep)
    this.recent.clear()
  }

  /**
   * The respondent's context for a request. A page save may start from what the previous
   * save left (that save checks that nothing has changed since), but only while the round
   * is open by it: the round's dates may have moved since, and a fresh read decides.
   */
  async contextFor(participantId: number, savingPage: boolean): Promise<ParticipantContext | undefined> {
    const remembered = savingPage ? this.recent.get(participantId) : undefined
    if (remembered && roundAvailability(remembered.round) === 'open') return remembered
    return this.freshContext(participantId)
  }

  /** Forgets the remembered context (signing out). */
  forget(participantId: number): void {
    this.recent.delete(participantId)
  }

  /** Merges what a questionnaire page posts onto the stored answers, checks and saves them. */
  async savePage(
    context: ParticipantContext,
    pageId: string,
    body: PageBody,
    language: string,
  ): Promise<PageSaveOutcome> {
    let current = context
    try {
      let saved = await this.trySave(current, pageId, body, language, 'remembered')
      // Another tab or instance saved in between: merge onto what it saved, not over it.
      for (let attempt = 1; saved === STALE && attempt <= FRESH_ATTEMPTS; attempt++) {
        const fresh = await this.freshContext(current.participant.id)
        if (!mayAnswer(fresh)) return { kind: 'refused', context: fresh }
        current = fresh
        saved = await this.trySave(current, pageId, body, language, attempt < FRESH_ATTEMPTS ? 'fresh' : 'regardless')
      }
      if (saved === STALE) return { kind: 'notShown' }
      return saved
    } catch (error) {
      if (error instanceof AlreadyCompletedError) return { kind: 'completed' }
      if (!(error instanceof RoundNotOpenError)) throw error
      // Closed while the page was being saved: the fresh read shows the respondent why.
      return { kind: 'refused', context: await this.freshContext(current.participant.id) }
    }
  }

  /** Submits the stored answers; if another tab saved since, those are read and checked again. */
  async submit(context: ParticipantContext, language: string): Promise<SubmissionOutcome> {
    const participantId = context.participant.id
    let current = context
    try {
      for (let attempt = 1; ; attempt++) {
        const { definition, stratumCode, answers: stored, versions } = current
        const { answers } = validateAnswers(definition, stored, { stratum: stratumCode }, { partial: true })
        // Pages save what is there (partial); only the submission holds required questions to account.
        const required = validateAnswers(definition, answers, { stratum: stratumCode }).errors.filter(
          (e) => e.code === 'required',
        )
        if (required.length > 0)
          return { kind: 'incomplete', context: current, questionIds: [...new Set(required.map((e) => e.questionId))] }
        const { screenedOut } = visibilityOf(definition, answers, { stratum: stratumCode })
        try {
          await submitOnline(this.db, participantId, answers, language, {
            answersVersion: attempt < FRESH_ATTEMPTS ? versions.answers : undefined,
            screenedOut: screenedOut !== undefined,
          })
          return screenedOut ? { kind: 'submitted', screenedOut } : { kind: 'submitted' }
        } catch (error) {
          if (!(error instanceof StaleAnswersError)) throw error
        }
        const fresh = await this.freshContext(participantId)
        if (!mayAnswer(fresh)) return { kind: 'refused', context: fresh }
        current = fresh
      }
    } catch (error) {
      if (!(error instanceof AlreadyCompletedError)) throw error
      return { kind: 'completed' }
    } finally {
      // Once submitted, the answers are no longer linked to the person: not here either.
      this.recent.delete(participantId)
    }
  }

  /** Reads the context afresh; one with saved answers is remembered for the next page's save. */
  private async freshContext(participantId: number): Promise<ParticipantContext | undefined> {
    const context = await loadParticipantContext(this.db, participantId)
    if (context?.participant.status === 'in_progress' && context.versions.answers !== null)
      this.recent.set(participantId, context)
    else this.recent.delete(participantId)
    return context
  }

  private async trySave(
    context: ParticipantContext,
    pageId: string,
    body: PageBody,
    language: string,
    mode: SaveMode,
  ): Promise<SavedPage | typeof STALE | { kind: 'notShown' }> {
    const { definition, stratumCode, participant, answers: stored, versions } = context
    const ctx = { stratum: stratumCode }
    // Routing is worked out once for what was stored and once for what is saved: every
    // page move comes through here.
    const before = visibilityOf(definition, stored, ctx)
    const page = findPage(definition, pageId)
    if (!page?.questions.some((q) => before.questions.has(q.question.id)))
      return mode === 'remembered' ? STALE : { kind: 'notShown' }

    const result = validateAnswers(definition, mergePage(stored, page.variables, body), ctx, { partial: true })
    // The first save (no answers row yet) has no version to check: it inserts.
    const version =
      mode !== 'regardless' && versions.answers !== null
        ? await this.batches.save({ participantId: participant.id, versions, answers: result.answers, language })
        : await saveProgress(this.db, participant.id, result.answers, language)
    if (version === null) return STALE
    const saved = { ...context, answers: result.answers, versions: { ...versions, answers: version } }
    // A first save changed the participant row (it is now started): the next page reads afresh.
    if (participant.status === 'in_progress') this.recent.set(participant.id, saved)
    else this.recent.delete(participant.id)
    return { kind: 'saved', context: saved, page, before, result }
  }
}

/** What the page posts replaces everything this page shows: an unticked box posts nothing. */
function mergePage(stored: Answers, pageVariables: Set<string>, body: PageBody): Record<string, unknown> {
  const merged: Record<string, unknown> = {}
  for (const variable of Object.keys(stored)) if (!pageVariables.has(variable)) merged[variable] = stored[variable]
  for (const variable of pageVariables) {
    const posted = body[variable]
    if (posted !== undefined && posted !== '') merged[variable] = posted
  }
  return merged
}
