/** Which language a respondent's pages start in: the browser's before sign-in, the client file's after. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp, Browser } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'

let t: TestApp
let round: RoundFixture

beforeAll(async () => {
  t = await createTestApp()
  round = await createRound(t.database.db, { participantsPerStratum: 3 })
  const [english, , german, polish] = round.participants
  await t.database.db.updateTable('participants').set({ language: 'en' }).where('id', '=', english!.id).execute()
  // The KTO has no German: that client starts in Dutch.
  await t.database.db.updateTable('participants').set({ language: 'de' }).where('id', '=', german!.id).execute()
  await t.database.db.updateTable('participants').set({ language: 'pl' }).where('id', '=', polish!.id).execute()
})
afterAll(async () => t.close())

const langOf = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1]

describe('the language of the respondent pages', () => {
  it('follows the browser before sign-in, among the languages the site has', async () => {
    expect(langOf((await new Browser(t.app).get('/', { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' })).body)).toBe(
      'en',
    )
    expect(langOf((await new Browser(t.app).get('/', { 'accept-language': 'tr-TR,nl;q=0.8' })).body)).toBe('tr')
    expect(langOf((await new Browser(t.app).get('/', { 'accept-language': 'de-DE,nl;q=0.8' })).body)).toBe('nl')
    expect(langOf((await new Browser(t.app).get('/', { 'accept-language': 'de-DE' })).body)).toBe('nl')
    expect(langOf((await new Browser(t.app).get('/')).body)).toBe('nl')
  })

  it("starts the questionnaire in the client file's language when the code is used, also on a Dutch browser", async () => {
    const phone = new Browser(t.app)
    const page = await phone.visit(`/c/${round.participants[0]!.code}`)
    expect(langOf(page.body)).toBe('en')
  })

  it("starts in the client file's language when the questionnaire has it, as the KTO has Polish", async () => {
    const phone = new Browser(t.app)
    const page = await phone.visit(`/c/${round.participants[3]!.code}`)
    expect(langOf(page.body)).toBe('pl')
    expect(page.body).toContain('<h1>Ogólnie</h1>')
    expect(page.body).toContain('Jaką ocenę daje Pan/Pani działowi Werk en Inkomen?')
  })

  it('keeps a language the respondent chose with the switch before signing in', async () => {
    const phone = new Browser(t.app)
    await phone.visit('/?lang=nl')
    expect(langOf((await phone.visit(`/c/${round.participants[0]!.code}`)).body)).toBe('nl')
  })

  it("stays in the browser's language when the questionnaire lacks the client file's", async () => {
    const phone = new Browser(t.app)
    expect(langOf((await phone.visit(`/c/${round.participants[2]!.code}`)).body)).toBe('nl')
  })

  it('remembers the language picked with the switch for the next visit, on another device too', async () => {
    const p = round.participants[1]!
    const phone = new Browser(t.app)
    expect(langOf((await phone.visit(`/c/${p.code}`)).body)).toBe('nl')
    expect(langOf((await phone.visit('/vragenlijst?lang=en')).body)).toBe('en')
    const stored = await t.database.db
      .selectFrom('participants')
      .select('language')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow()
    expect(stored.language).toBe('en')
    const pc = new Browser(t.app)
    expect(langOf((await pc.visit(`/c/${p.code}`)).body)).toBe('en')
  })
})
