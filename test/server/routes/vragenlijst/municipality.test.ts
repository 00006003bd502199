/**
 * A respondent sees their own municipality from the moment the code is known: the name
 * and logo of the letter they received, and whom to call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { defaultTemplate } from '#src/mailmerge/index.ts'
import { saveTemplate } from '#src/server/services/fieldwork/letter-templates.ts'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

let t: TestApp
let round: RoundFixture

beforeAll(async () => {
  t = await createTestApp()
  round = await createRound(t.database.db, {
    participantsPerStratum: 2,
    strata: [
      { code: 'borne', name: 'Borne' },
      { code: 'hengelo', name: 'Hengelo' },
    ],
  })
  const { kind: _, logo: __, ...content } = defaultTemplate('invitation')
  await saveTemplate(
    t.database.db,
    round.roundId,
    round.strata[0]!.id,
    'invitation',
    {
      ...content,
      sender: { ...content.sender, organisation: 'Gemeente Borne', phone: '074 - 265 85 85', email: 'wi@borne.nl' },
    },
    { data: PNG, type: 'image/png' },
    { id: null, username: null },
  )
})
afterAll(async () => t.close())

const participantIn = (stratum: number) => round.participants.find((p) => p.stratumId === round.strata[stratum]!.id)!

describe("the respondent's municipality on every page", () => {
  it('is unknown on the start page, which says how to check the site is real', async () => {
    const start = await new Browser(t.app).visit('/')
    expect(start.body).toContain('<span class="brand">Peiling</span>')
    expect(start.body).toMatch(
      /Is deze website echt\? Kijk of bovenaan in uw browser peiling\.test staat\. Dat adres staat ook in uw brief\./,
    )
  })

  it('shows the name, logo and contact line of the letter once the code is known, and on the thank-you page', async () => {
    const browser = new Browser(t.app)
    await browser.visit(`/c/${participantIn(0).code}`)
    const page = await browser.visit('/vragenlijst')
    expect(page.body).toMatch(/<img src="\/gemeente-logo\/\d+-[0-9a-f]{16}" alt="" height="40">Gemeente Borne/)
    expect(page.body).toContain('Vragen? Neem contact op met Gemeente Borne.')
    expect(page.body).toContain('<a href="tel:0742658585">074 - 265 85 85</a>')
    expect(page.body).toContain('<a href="mailto:wi@borne.nl">wi@borne.nl</a>')
    // The privacy page, read halfway, says it too.
    expect((await browser.visit('/privacy')).body).toContain('Gemeente Borne')

    const logoPath = /src="(\/gemeente-logo\/[^"]+)"/.exec(page.body)![1]!
    const logo = await browser.get(logoPath)
    expect(logo.statusCode).toBe(200)
    expect(logo.headers['content-type']).toBe('image/png')
    expect(logo.headers['cache-control']).toContain('immutable')
    expect(logo.rawPayload.equals(PNG)).toBe(true)
    // A path whose hash does not match the logo (an old or made-up one) is not found.
    expect((await browser.get(logoPath.replace(/-[0-9a-f]{16}$/, '-0000000000000000'))).statusCode).toBe(404)

    await browser.visit('/vragenlijst/deel/slot-2')
    await browser.submit('/vragenlijst/deel/slot-2', { vervolg: '2', action: 'review' })
    await browser.visit('/vragenlijst/overzicht')
    expect((await browser.post('/vragenlijst/verzenden', {})).headers.location).toBe('/vragenlijst/bedankt')
    const thanks = await browser.visit('/vragenlijst/bedankt')
    expect(thanks.body).toContain('Wat gebeurt er nu? Wij tellen uw antwoorden op bij die van de andere mensen.')
    expect(thanks.body).toContain('Gemeente Borne')
    expect(thanks.body).toContain('<a href="tel:0742658585">074 - 265 85 85</a>')
  })

  it('falls back to the round default: the municipality by name, no logo, and the letter for contact', async () => {
    const browser = new Browser(t.app)
    await browser.visit(`/c/${participantIn(1).code}`)
    const page = await browser.visit('/vragenlijst')
    expect(page.body).toContain('Gemeente Hengelo')
    expect(page.body).not.toContain('<img')
    expect(page.body).not.toContain('class="contact"')
  })
})
