/**
 * Corrected texts in the database: stored only where they differ from the shipped text,
 * in force in this process at once, taken over from another instance by a refresh, and
 * a check that holds only while the checked texts stay as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { shippedText, translator } from '#src/i18n/translate.ts'
import { respondentKeys } from '#src/i18n/respondent-texts.ts'
import { YES } from '#src/questionnaire/labels.ts'
import { localize } from '#src/questionnaire/text.ts'
import {
  languageStatuses,
  refreshCorrectedTexts,
  saveTranslation,
} from '#src/server/services/translations/translation-store.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import { createStaffUser } from '#test/helpers/staff.ts'

let database: DatabaseHandle
let actor: { id: number; username: string }

beforeAll(async () => {
  database = await createTestDatabase()
  actor = await createStaffUser(database.db, 'researcher')
})
afterAll(async () => database.close())

function shippedEnglish(changes: Record<string, string> = {}): Map<string, string> {
  return new Map(respondentKeys().map((key) => [key, changes[key] ?? shippedText('en', key)!]))
}

const statusOf = async (language: string) => (await languageStatuses(database.db)).find((s) => s.language === language)!

describe('saveTranslation', () => {
  it('stores what differs from the shipped text and puts it in force, also in texts made once at start-up', async () => {
    expect(localize(YES, 'en')).toBe('Yes')
    const saved = await saveTranslation(
      database.db,
      'en',
      shippedEnglish({ 'questionnaire.labels.yes': 'Yes, I do' }),
      false,
      actor,
    )
    expect(saved).toEqual({ corrected: 1, changed: 1, review: 'draft' })
    expect(localize(YES, 'en')).toBe('Yes, I do')
    expect(translator('en')('questionnaire.labels.yes')).toBe('Yes, I do')
    // Dutch is untouched.
    expect(localize(YES, 'nl')).toBe('Ja')
  })

  it('keeps a check while the texts stay the same, and makes the language a draft again when one changes', async () => {
    await saveTranslation(database.db, 'en', shippedEnglish({ 'questionnaire.labels.yes': 'Yes, I do' }), true, actor)
    const checked = await statusOf('en')
    expect(checked).toMatchObject({
      review: 'checked',
      changedSinceCheck: false,
      checkedBy: 'Test researcher',
      corrected: 1,
    })
    expect(checked.checkedAt).toBeInstanceOf(Date)
    expect((await statusOf('nl')).review).toBe('source')

    // A text that changes behind the check (here by hand; in life, by a new release of the shipped texts).
    await database.db
      .updateTable('translation_texts')
      .set({ text: 'Yes indeed' })
      .where('language', '=', 'en')
      .where('key', '=', 'questionnaire.labels.yes')
      .execute()
    expect(await statusOf('en')).toMatchObject({ review: 'draft', changedSinceCheck: true, checkedBy: null })
  })
})

describe('refreshCorrectedTexts', () => {
  it('takes over what another instance stored, by the revision it counted up', async () => {
    await saveTranslation(database.db, 'en', shippedEnglish(), false, actor)
    expect(translator('en')('respondent.login.submit')).toBe('Start the questionnaire')
    // Another instance's upload: new texts and a new revision, nothing in this process.
    await database.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('translation_texts')
        .values({ language: 'en', key: 'respondent.login.submit', text: 'Begin' })
        .execute()
      await tx
        .updateTable('translation_languages')
        .set((eb) => ({ revision: eb('revision', '+', 1) }))
        .where('language', '=', 'en')
        .execute()
    })
    expect(translator('en')('respondent.login.submit')).toBe('Start the questionnaire')
    await refreshCorrectedTexts(database.db)
    expect(translator('en')('respondent.login.submit')).toBe('Begin')
  })
})
