/**
 * Checking a scanned paper form: the typist sees the values read beside the scan of each
 * question, looks at what the reader was not sure of, and stores the form. Storing goes
 * the way a keyed paper form goes (paper-entry.ts `saveForm`, built from the same parts):
 * the participant's lock, duplicates, paper codes, answers outside routing and double
 * keying behave the same; and the scan is deleted in that same transaction.
 */
import type { DB } from '#src/server/db/connect.ts'
import type { KeyedFields, ResponseMode } from '#src/server/db/schema.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'
import type { Rect } from '#src/mailmerge/paper-layout.ts'
import { boundingRect } from '#src/mailmerge/units.ts'
import type { FormReading, PlacedPage, PagePlacement } from '#src/scan/types.ts'
import { cutOut, pngToPage } from '#src/scan/index.ts'
import { todayInAmsterdam } from '#src/server/services/calendar.ts'
import { waveOn } from '#src/server/services/respondent/participation.ts'
import { releaseWaitingResponses } from '#src/server/services/responses/release-responses.ts'
import type { EntryForm, SaveOutcome } from '#src/server/services/paper/paper-entry.ts'
import { fromKeying, isUuid } from '#src/server/services/paper/paper-entry.ts'
import { keyingStatus, recordKeying } from '#src/server/services/paper/double-keying.ts'
import { keyingLayout, normalizeKeyedFields } from '#src/server/services/paper/paper-form.ts'
import {
  lockParticipantForPaper,
  paperLanguage,
  storePaperResponse,
} from '#src/server/services/paper/paper-response.ts'
import { keepAsDuplicate } from '#src/server/services/paper/paper-duplicates.ts'
import { addKeyingStats } from '#src/server/services/paper/paper-stats.ts'
import { forgetScannedForm } from './forget-scanned-form.ts'
import { vacuumScans } from './forget-scans.ts'

/** What the typist is told above a scanned form, besides the keying screen's own notices. */
export type ScanNotice =
  | 'completedOnline'
  | 'completedPaper'
  /** Double keying, nobody keyed it yet: the reading counts as the first keying, this check as the second. */
  | 'readingFirst'
  /** Double keying, a typist keyed the paper already: this check is the second keying, the reading does not count. */
  | 'secondKeying'
  | 'keyedTwice'

export interface ScannedForm {
  formId: string
  /** The registration marks of the printed form: the text column lies between them. */
  marks: readonly Rect[]
  /** The keying screen's form, holding the values read (no draft: the scan itself is kept until stored). */
  form: EntryForm
  reading: FormReading
  notices: ScanNotice[]
}

export type OpenScanResult =
  | { ok: true; scanned: ScannedForm }
  | { ok: false; problem: 'gone' | 'roundNotOpen' | 'alreadyKeyedByYou' }

function formRow(db: DB, formId: string) {
  return db
    .selectFrom('scan_forms as f')
    .innerJoin('participants as p', 'p.id', 'f.participant_id')
    .innerJoin('rounds as r', 'r.id', 'f.round_id')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .innerJoin('strata as s', 's.id', 'p.stratum_id')
    .innerJoin('paper_layouts as l', 'l.id', 'f.layout_id')
    .select([
      'f.id',
      'l.layout',
      'f.reading',
      'f.created_at',
      'p.id as participant_id',
      'p.code',
      'p.status as participant_status',
      'p.completed_mode',
      'r.id as round_id',
      'r.name as round_name',
      'r.status as round_status',
      'r.double_keying',
      'q.definition',
      's.name as stratum_name',
      's.code as stratum_code',
    ])
    .where('f.id', '=', formId)
    .where('f.status', '=', 'ready')
}

/** The values read, as a typist would have keyed them: blank fields absent. */
function readValues(reading: FormReading): Record<string, string> {
  return Object.fromEntries(reading.fields.filter((f) => f.value !== '').map((f) => [f.variable, f.value]))
}

export async function openScannedForm(db: DB, typistId: number, formId: string): Promise<OpenScanResult> {
  if (!isUuid(formId)) return { ok: false, problem: 'gone' }
  const row = await formRow(db, formId).executeTakeFirst()
  if (!row?.reading) return { ok: false, problem: 'gone' }
  if (row.round_status !== 'open') return { ok: false, problem: 'roundNotOpen' }
  const notices: ScanNotice[] = []
  if (row.participant_status === 'completed') {
    notices.push(row.completed_mode === 'paper' ? 'completedPaper' : 'completedOnline')
  } else if (row.double_keying) {
    const status = await keyingStatus(db, { participantId: row.participant_id }, typistId)
    if (status.byYou) return { ok: false, problem: 'alreadyKeyedByYou' }
    notices.push(status.count === 0 ? 'readingFirst' : status.count === 1 ? 'secondKeying' : 'keyedTwice')
  }
  const reading = row.reading as FormReading
  return {
    ok: true,
    scanned: {
      formId: row.id,
      marks: row.layout.marks,
      reading,
      notices,
      form: {
        draftId: '',
        roundId: row.round_id,
        roundName: row.round_name,
        stratumName: row.stratum_name,
        stratumCode: row.stratum_code,
        code: row.code ? formatLoginCode(row.code) : null,
        formLabel: null,
        noCode: false,
        doubleKeying: row.double_keying,
        definition: row.definition,
        fields: normalizeKeyedFields(row.definition, readValues(reading)),
        notices: [],
      },
    },
  }
}

/**
 * The next form of the round waiting to be checked (oldest scan first), other than
 * `except`; not one this typist keyed by hand already (with double keying, someone else checks that one).
 */
export async function nextReadyForm(
  db: DB,
  typistId: number,
  roundId: number,
  except?: string,
): Promise<string | undefined> {
  let query = db
    .selectFrom('scan_forms as f')
    .select('f.id')
    .where('f.round_id', '=', roundId)
    .where('f.status', '=', 'ready')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('paper_keyings as k')
            .select('k.id')
            .whereRef('k.participant_id', '=', 'f.participant_id')
            .where('k.typist_id', '=', typistId),
        ),
      ),
    )
    .orderBy('f.created_at')
    .orderBy('f.id')
  if (except) query = query.where('f.id', '<>', except)
  return (await query.executeTakeFirst())?.id
}

/** Points above and below a question's fields, so a tick over a box's edge and a text's last line are in the picture. */
const QUESTION_MARGIN = 8

/**
 * Per question of the keying screen: the pages it is on, and the part of the page to show
 * there: the height of its fields, and the whole text column (between the registration
 * marks), so that the printed answers beside the boxes and a statement's text are in it.
 */
export function questionAreas(
  scanned: Pick<ScannedForm, 'form' | 'reading' | 'marks'>,
): Map<string, Array<{ page: number; rect: Rect }>> {
  const [topLeft, topRight] = scanned.marks
  const left = topLeft ? topLeft.x + topLeft.width : 0
  const right = topRight ? topRight.x : Math.max(...scanned.reading.fields.map((f) => f.rect.x + f.rect.width))
  const byVariable = new Map(scanned.reading.fields.map((f) => [f.variable, f]))
  const areas = new Map<string, Array<{ page: number; rect: Rect }>>()
  for (const question of keyingLayout(scanned.form.definition)) {
    const read = question.fields.flatMap((f) => byVariable.get(f.variable) ?? [])
    const pages = [...new Set(read.map((f) => f.page))].sort((a, b) => a - b)
    areas.set(
      question.id,
      pages.map((page) => {
        const fields = boundingRect(read.filter((f) => f.page === page).map((f) => f.rect))
        const top = fields.y - QUESTION_MARGIN
        return { page, rect: { x: left, y: top, width: right - left, height: fields.height + 2 * QUESTION_MARGIN } }
      }),
    )
  }
  return areas
}

/** The scan of one question on one page, as a PNG; undefined when there is no such form, page or question. */
export async function questionPicture(
  db: DB,
  formId: string,
  questionId: string,
  page: number,
): Promise<Buffer | undefined> {
  if (!isUuid(formId)) return undefined
  const form = await db
    .selectFrom('scan_forms as f')
    .innerJoin('rounds as r', 'r.id', 'f.round_id')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .innerJoin('paper_layouts as l', 'l.id', 'f.layout_id')
    .select(['f.reading', 'q.definition', 'l.layout'])
    .where('f.id', '=', formId)
    .where('f.status', '=', 'ready')
    .executeTakeFirst()
  if (!form?.reading) return undefined
  const area = questionAreas({
    reading: form.reading as FormReading,
    form: { definition: form.definition } as EntryForm,
    marks: form.layout.marks,
  })
    .get(questionId)
    ?.find((a) => a.page === page)
  if (!area) return undefined
  const scan = await db
    .selectFrom('scan_pages')
    .select(['image', 'placement'])
    .where('form_id', '=', formId)
    .where('form_page', '=', page)
    .executeTakeFirst()
  if (!scan?.placement) return undefined
  const placed: PlacedPage = {
    page,
    image: await pngToPage(scan.image),
    placement: scan.placement as PagePlacement,
  }
  // The area has its margins already.
  return cutOut(placed, area.rect, 0)
}

/**
 * The reader's keyings in rounds with double keying are recorded under an account of its
 * own, not under the checking typist's id: double keying pairs two keyings by two
 * different people (recordKeying refuses the same typist twice), the review screen
 * names both, and the keying figures then show how often a reviewer overruled the
 * reading, apart from the typists. The account can never sign in: it is inactive, its
 * password is no hash any password matches, and its username is one no administrator can
 * give (accounts.ts USERNAME_PATTERN has no colon).
 */
export const SCAN_READER_USERNAME = 'peiling:scan'

async function scanReaderId(tx: DB): Promise<number> {
  await tx
    .insertInto('staff_users')
    // A name, the same in every language: how the review screen and the figures name the reading.
    .values({ username: SCAN_READER_USERNAME, display_name: 'Scan', password_hash: '!', role: 'typist', active: false })
    .onConflict((oc) => oc.column('username').doNothing())
    .execute()
  const row = await tx
    .selectFrom('staff_users')
    .select('id')
    .where('username', '=', SCAN_READER_USERNAME)
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * The reading as a first keying: what the reader was sure of. Where it was not, it keyed
 * nothing of its own: the typist decided those from the scan, so their value stands there
 * and only a certain reading that the typist overruled becomes a difference for a reviewer.
 */
function readingAsKeying(reading: FormReading, checked: KeyedFields): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const f of reading.fields) {
    const value = f.certain ? f.value : (checked[f.variable] ?? '')
    if (value !== '') fields[f.variable] = value
  }
  return fields
}

/** Outcomes after which the scan stays, so the form can still be stored. */
const KEEPS_SCAN = new Set<SaveOutcome['kind']>(['alreadySaved', 'alreadyKeyedByYou', 'roundNotOpen'])

export interface AcceptOutcome {
  outcome: SaveOutcome
  roundId?: number
}

/**
 * Stores the checked form (already confirmed against its warnings) as a keyed paper form,
 * and deletes its scan in the same transaction. The form counts as received on the day
 * it was scanned in.
 */
export async function acceptScannedForm(
  db: DB,
  typistId: number,
  formId: string,
  fields: KeyedFields,
): Promise<AcceptOutcome> {
  if (!isUuid(formId)) return { outcome: { kind: 'alreadySaved' } }
  const outline = await db.selectFrom('scan_forms').select('participant_id').where('id', '=', formId).executeTakeFirst()
  if (!outline) return { outcome: { kind: 'alreadySaved' } }
  const saved = await db.transaction().execute(async (tx): Promise<AcceptOutcome> => {
    // Lock order as in saveForm: the participant first, then the rest.
    const participant = await lockParticipantForPaper(tx, outline.participant_id)
    const row = await formRow(tx, formId).forUpdate('f').executeTakeFirst()
    if (!participant || !row?.reading) return { outcome: { kind: 'alreadySaved' } }
    if (row.round_status !== 'open') return { outcome: { kind: 'roundNotOpen' } }

    const day = todayInAmsterdam(row.created_at)
    const base = {
      roundId: row.round_id,
      stratumId: participant.stratum_id,
      stratumCode: row.stratum_code,
      definition: row.definition,
      fields: normalizeKeyedFields(row.definition, fields),
      language: paperLanguage(row.definition, participant.language),
      wave: await waveOn(tx, row.round_id, day),
      day,
    }
    const duplicate = (earlierMode: ResponseMode): Promise<SaveOutcome> =>
      keepAsDuplicate(tx, { ...base, participantId: participant.id, earlierMode, typistId })

    let outcome: SaveOutcome
    if (participant.status === 'completed') {
      outcome = await duplicate(participant.completed_mode ?? 'online')
    } else if (row.double_keying) {
      const key = { participantId: participant.id }
      const status = await keyingStatus(tx, key, typistId)
      if (status.byYou) return { outcome: { kind: 'alreadyKeyedByYou' }, roundId: row.round_id }
      // Only when nobody keyed the paper yet is the reading the first keying; otherwise this
      // check pairs with the typist's keying as a second keying of the usual kind.
      if (status.count === 0) {
        const readerId = await scanReaderId(tx)
        const reading = normalizeKeyedFields(row.definition, readingAsKeying(row.reading as FormReading, base.fields))
        await recordKeying(tx, { ...base, fields: reading, typistId: readerId, key })
        await addKeyingStats(tx, row.round_id, readerId, { forms: 1 })
      }
      const keying = await recordKeying(tx, { ...base, typistId, key })
      outcome = keying.kind === 'alreadyKeyedTwice' ? await duplicate('paper') : fromKeying(keying)
    } else {
      await storePaperResponse(tx, { ...base, participantId: participant.id })
      outcome = { kind: 'saved' }
    }
    if (KEEPS_SCAN.has(outcome.kind)) return { outcome, roundId: row.round_id }
    await forgetScannedForm(tx, formId)
    await addKeyingStats(tx, row.round_id, typistId, { forms: 1 })
    return { outcome, roundId: row.round_id }
  })
  // After the commit: a held response joins `responses` only in a transaction of its own.
  if (saved.roundId !== undefined) await releaseWaitingResponses(db, saved.roundId)
  // The scan's rows are dead now; their bytes leave the table files only with a vacuum.
  if (!KEEPS_SCAN.has(saved.outcome.kind)) await vacuumScans(db)
  return saved
}
