/**
 * A round's pages say how far the client's texts are in each of its languages: the
 * overview shows the status, and the letters step and the reminder warn before letters
 * are made in a language no translator has checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createPrintableRound, PRINTABLE_URL } from '#test/helpers/letters.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { upload } from '#test/server/routes/beheer/rondes/_roundId/import/_upload.ts'
import { downloadSheet, sheetFile, STATUS } from '#test/server/routes/beheer/vertalingen/_translation-file.ts'

let t: TestApp
let round: RoundFixture
let researcher: Awaited<ReturnType<typeof signedInAs>>

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PRINTABLE_URL })
  round = await createPrintableRound(t.database.db, { participantsPerStratum: 3 })
  researcher = await signedInAs(t.app, 'researcher')
  // Of nine clients, three read English: one in each municipality, and one more in Hengelo.
  const [hengelo, haaksbergen, borne] = round.strata
  const english = [
    round.participants.filter((p) => p.stratumId === hengelo!.id).slice(0, 2),
    round.participants.filter((p) => p.stratumId === haaksbergen!.id).slice(0, 1),
  ].flat()
  await t.app.db
    .updateTable('participants')
    .set({ language: 'en' })
    .where(
      'id',
      'in',
      english.map((p) => p.id),
    )
    .execute()
  // A language the client texts do not exist in is printed in Dutch: no warning for it.
  const somali = round.participants.find((p) => p.stratumId === borne!.id)!
  await t.app.db.updateTable('participants').set({ language: 'so' }).where('id', '=', somali.id).execute()
})
afterAll(async () => t.close())

async function markEnglishChecked() {
  const sheet = await downloadSheet(researcher, 'en')
  const checked = sheet.map((row, i) => (i === 0 ? row : row.map((cell, c) => (c === STATUS ? 'gecontroleerd' : cell))))
  await researcher.visit('/beheer/vertalingen')
  const response = await upload(
    researcher,
    '/beheer/vertalingen',
    { taal: 'en' },
    { bestand: { name: 'en.xlsx', data: await sheetFile(checked) } },
  )
  expect(response.statusCode).toBe(303)
}

const languagesSection = (html: string) =>
  /<section aria-labelledby="languages-title">[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''

describe('translation status on the pages of a round', () => {
  it('shows each questionnaire language with its status on the round page, and warns before letters in a draft', async () => {
    const overview = await researcher.visit(`/beheer/rondes/${round.roundId}`)
    expect(overview.statusCode).toBe(200)
    const section = languagesSection(overview.body)
    expect(section).toContain('Nederlands: Bron: de teksten zijn in het Nederlands geschreven')
    expect(section).toContain('Engels (English): Concept: nog niet gecontroleerd')
    expect(section).toContain('href="/beheer/vertalingen"')

    const letters = await researcher.visit(`/beheer/rondes/${round.roundId}/brieven`)
    expect(letters.body).toContain('een deel van de brieven wordt gedrukt in een taal die nog niet is gecontroleerd')
    expect(letters.body).toContain('<li>Engels (English): 3 brieven</li>')
    expect(letters.body).not.toContain('Somalisch')

    const reminder = await researcher.visit(`/beheer/rondes/${round.roundId}/verzendingen/herinnering?brief=1`)
    expect(reminder.body).toContain('<li>Engels (English): 3 brieven</li>')
    // An e-mail reminder prints nothing.
    const email = await researcher.visit(`/beheer/rondes/${round.roundId}/verzendingen/herinnering?email=1`)
    expect(email.body).not.toContain('nog niet is gecontroleerd')
  })

  it('says so once a translator has checked the language, and then warns no more', async () => {
    await markEnglishChecked()
    const overview = await researcher.visit(`/beheer/rondes/${round.roundId}`)
    expect(languagesSection(overview.body)).toContain('Engels (English): Gecontroleerd')
    const letters = await researcher.visit(`/beheer/rondes/${round.roundId}/brieven`)
    expect(letters.statusCode).toBe(200)
    expect(letters.body).toContain('Maak de uitnodigingsbrieven (9)')
    expect(letters.body).not.toContain('nog niet is gecontroleerd')
  })
})
