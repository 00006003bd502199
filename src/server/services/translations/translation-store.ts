/**
 * Corrected texts and review statuses in the database, and putting the corrections in
 * force in this process (src/i18n/translate.ts holds them in memory, where every page
 * reads them).
 *
 * Each upload counts up its language's revision. An app instance remembers the revision
 * it loaded and looks again at start, every half minute and before it prints letters or
 * sends e-mails (`refreshCorrectedTexts`), so every instance serves what was uploaded on
 * any of them.
 */
import type { UiLanguage } from '#src/i18n/translate.ts'
import { shippedText, UI_LANGUAGES, useCorrectedTexts } from '#src/i18n/translate.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import type { Corrections } from './texts-in-force.ts'
import { textInForce, textsFingerprint } from './texts-in-force.ts'

/** The corrected texts of every language (or of `languages`). */
export async function loadCorrections(
  db: DB,
  languages?: readonly string[],
): Promise<Map<string, Map<string, string>>> {
  let query = db.selectFrom('translation_texts').select(['language', 'key', 'text'])
  if (languages) {
    if (languages.length === 0) return new Map()
    query = query.where('language', 'in', languages)
  }
  const corrections = new Map<string, Map<string, string>>()
  for (const row of await query.execute()) {
    let texts = corrections.get(row.language)
    if (!texts) corrections.set(row.language, (texts = new Map()))
    texts.set(row.key, row.text)
  }
  return corrections
}

/** The revision of each language this process has put in force; a language not here has had no upload yet. */
const loadedRevisions = new Map<string, number>()

/**
 * Puts in force the corrections of every language uploaded since this process last
 * looked (all of them, the first time). Cheap when nothing changed: one small query.
 */
export async function refreshCorrectedTexts(db: DB): Promise<void> {
  const revisions = await db.selectFrom('translation_languages').select(['language', 'revision']).execute()
  const changed = revisions.filter(
    (r) => (UI_LANGUAGES as readonly string[]).includes(r.language) && loadedRevisions.get(r.language) !== r.revision,
  )
  if (changed.length === 0) return
  const corrections = await loadCorrections(
    db,
    changed.map((r) => r.language),
  )
  for (const { language, revision } of changed) {
    useCorrectedTexts(language as UiLanguage, corrections.get(language) ?? new Map())
    loadedRevisions.set(language, revision)
  }
}

/** How far a language's texts are: Dutch is the source; another language a draft until a translator checked it. */
export type LanguageReview = 'source' | 'draft' | 'checked'

export interface LanguageStatus {
  language: UiLanguage
  review: LanguageReview
  /** A draft that was checked, but whose texts changed since (a new release, or an upload). */
  changedSinceCheck: boolean
  checkedBy: string | null
  checkedAt: Date | null
  /** How many texts differ from the shipped ones. */
  corrected: number
  uploadedBy: string | null
  uploadedAt: Date | null
}

/** The status of every client language, in the order of UI_LANGUAGES. */
export async function languageStatuses(db: DB): Promise<LanguageStatus[]> {
  const rows = await db
    .selectFrom('translation_languages as l')
    .leftJoin('staff_users as c', 'c.id', 'l.checked_by')
    .leftJoin('staff_users as u', 'u.id', 'l.uploaded_by')
    .select([
      'l.language',
      'l.status',
      'l.checked_fingerprint',
      'l.checked_at',
      'l.uploaded_at',
      'c.display_name as checked_by_name',
      'u.display_name as uploaded_by_name',
    ])
    .execute()
  const corrections = await loadCorrections(db)
  return UI_LANGUAGES.map((language) => {
    const row = rows.find((r) => r.language === language)
    const holds = row?.status === 'checked' && row.checked_fingerprint === textsFingerprint(language, corrections)
    const review: LanguageReview = language === 'nl' ? 'source' : holds ? 'checked' : 'draft'
    return {
      language,
      review,
      changedSinceCheck: language !== 'nl' && row?.status === 'checked' && !holds,
      checkedBy: holds ? (row.checked_by_name ?? null) : null,
      checkedAt: holds ? row.checked_at : null,
      corrected: corrections.get(language)?.size ?? 0,
      uploadedBy: row?.uploaded_by_name ?? null,
      uploadedAt: row?.uploaded_at ?? null,
    }
  })
}

export interface SavedTranslation {
  /** Texts that differ from the shipped ones, after this upload. */
  corrected: number
  /** Texts whose wording in force changed with this upload. */
  changed: number
  review: LanguageReview
}

/**
 * Stores a clean translation file (every key once, checked by translation-check.ts) in
 * one transaction: the texts that differ from the shipped ones (a text equal to the
 * shipped one is no correction, so one that was corrected before goes back), the
 * language's status (checked when every row says so; Dutch stays the source), and the
 * audit entry. Then puts the texts in force in this process.
 */
export async function saveTranslation(
  db: DB,
  language: UiLanguage,
  texts: ReadonlyMap<string, string>,
  allChecked: boolean,
  actor: AuditActor,
): Promise<SavedTranslation> {
  const corrected = new Map([...texts].filter(([key, text]) => text !== shippedText(language, key)))
  const result = await db.transaction().execute(async (tx) => {
    // The language's row is the lock: two uploads of one language are stored one after the other.
    await tx
      .insertInto('translation_languages')
      .values({ language, uploaded_by: actor.id, revision: 0 })
      .onConflict((oc) => oc.column('language').doNothing())
      .execute()
    const before = await tx
      .selectFrom('translation_languages')
      .select('revision')
      .where('language', '=', language)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const previous = await loadCorrections(tx, [language])
    const changed = [...texts.keys()].filter(
      (key) => textInForce(language, key, previous) !== textInForce(language, key, new Map([[language, corrected]])),
    ).length

    await tx.deleteFrom('translation_texts').where('language', '=', language).execute()
    if (corrected.size > 0)
      await tx
        .insertInto('translation_texts')
        .values([...corrected].map(([key, text]) => ({ language, key, text })))
        .execute()

    const checked = language !== 'nl' && allChecked
    const revision = before.revision + 1
    await tx
      .updateTable('translation_languages')
      .set({
        status: checked ? 'checked' : 'draft',
        checked_fingerprint: checked ? textsFingerprint(language, new Map([[language, corrected]])) : null,
        checked_by: checked ? actor.id : null,
        checked_at: checked ? new Date() : null,
        uploaded_by: actor.id,
        uploaded_at: new Date(),
        revision,
      })
      .where('language', '=', language)
      .execute()
    const review: LanguageReview = language === 'nl' ? 'source' : checked ? 'checked' : 'draft'
    await audit(tx, actor, 'translations.upload', {
      language,
      reviewStatus: review,
      corrected: corrected.size,
      changedTexts: changed,
    })
    return { corrected: corrected.size, changed, review, revision }
  })
  useCorrectedTexts(language, corrected)
  loadedRevisions.set(language, result.revision)
  return { corrected: result.corrected, changed: result.changed, review: result.review }
}

/** Every text of a language as it is in force now, read from the database: what a translation file holds. */
export async function correctionsForFile(db: DB, language: UiLanguage): Promise<Corrections> {
  // Dutch and English are in every file, next to the language itself.
  return loadCorrections(db, [...new Set(['nl', 'en', language])])
}
