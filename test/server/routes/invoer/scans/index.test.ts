/**
 * The scans page without JavaScript: a typist uploads a scan file with a plain form,
 * sees how far the reading is, the pages that could not be used (with a small picture),
 * forms missing a page and forms ready to check. Only typists and researchers see any of it.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp, csrfTokenOf } from '#test/helpers/app.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { PRINTABLE_URL } from '#test/helpers/letters.ts'
import { renderToolsAvailable } from '#test/mailmerge/pdf-tools.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'
import { fieldworkIdle } from '#src/server/jobs/fieldwork.ts'
import { storeScan } from '#src/server/services/scans/store-scan.ts'
import { upload } from '#test/server/routes/beheer/rondes/_roundId/import/_upload.ts'
import type { PrintedForms } from '#test/server/services/scans/_scans.ts'
import { blankPage, imagePdf, printedForms } from '#test/server/services/scans/_scans.ts'

const canRender = renderToolsAvailable()
let t: TestApp
let forms: PrintedForms
let codes: string[]

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PRINTABLE_URL })
  if (canRender) {
    forms = await printedForms(t.database.db, t.config, 3)
    codes = [...forms.pagesOf.keys()]
  }
}, 60_000)
afterAll(async () => t.close())

const page = (code: number, n: number) => forms.pagesOf.get(codes[code]!)![n - 1]!
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

async function uploadScan(browser: Browser, data: Buffer, name = 'scan.pdf') {
  await browser.visit('/invoer/scans')
  return upload(browser, '/invoer/scans', { ronde: String(forms.round.roundId) }, { bestand: { name, data } })
}

describe.skipIf(!canRender)('the scans page', () => {
  it('takes an upload, reads it after answering, and lists ready forms, missing pages and problem pages', async () => {
    const typist = await signedInAs(t.app, 'typist')
    const file = await imagePdf([page(1, 2), page(0, 1), page(2, 1), page(1, 1), await blankPage(), page(0, 2)])
    const response = await uploadScan(typist, file)
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe('/invoer/scans')
    await fieldworkIdle(t.database.db)

    const html = (await typist.visit('/invoer/scans')).body
    const shown = text(html)
    expect(shown).toContain('De scan is opgeslagen: 6 pagina’s.')
    expect(shown).toContain('6 van 6 pagina’s gelezen')
    expect(html).not.toContain('http-equiv="refresh"')
    // Ready to check: the two complete forms, each linking to its check.
    const ready = html.slice(html.indexOf('ready-heading'), html.indexOf('incomplete-heading'))
    for (const code of [codes[0]!, codes[1]!]) expect(ready).toContain(formatLoginCode(code))
    const links = [...ready.matchAll(/href="\/invoer\/scans\/([0-9a-f-]{36})"/g)].map((m) => m[1])
    expect(links).toHaveLength(2)
    // The third form misses its second page.
    const incomplete = text(html.slice(html.indexOf('incomplete-heading'), html.indexOf('batches-heading')))
    expect(incomplete).toContain(`${formatLoginCode(codes[2]!)} pagina 2`)
    // The white page: its place in the file, the problem in Dutch, and a small picture of it.
    expect(shown).toContain('Pagina 5 van het bestand : De vier zwarte blokjes in de hoeken zijn niet gevonden.')
    const src = /<img src="(\/invoer\/scans\/pagina\/\d+)"/.exec(html)![1]!
    const image = await typist.get(src)
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-type']).toBe('image/png')
    expect(image.headers['cache-control']).toBe('no-store')
    expect((await sharp(image.rawPayload).metadata()).width).toBe(240)
  })

  it('refreshes itself while pages are being read, showing how far it is', async () => {
    const researcher = await signedInAs(t.app, 'researcher')
    // Stored, not read yet: as just after an upload of many pages.
    await storeScan(t.database.db, {
      bytes: await imagePdf([page(2, 2)]),
      fileName: 'nog-lezen.pdf',
      roundId: forms.round.roundId,
      staffId: researcher.userId,
    })
    const html = (await researcher.visit('/invoer/scans')).body
    expect(html).toContain('<meta http-equiv="refresh" content="5">')
    expect(text(html)).toContain('nog-lezen.pdf')
    expect(text(html)).toContain('0 van 1 pagina’s gelezen')
  })

  it('refuses a file that is not a scan, in Dutch, and stores nothing', async () => {
    const typist = await signedInAs(t.app, 'typist')
    const before = await t.database.db.selectFrom('scan_batches').select('id').execute()
    const response = await uploadScan(typist, Buffer.from('klantnummer;naam\n1;Jansen\n'), 'klanten.csv')
    expect(response.statusCode).toBe(422)
    expect(text(response.body)).toContain('Dit bestand is geen scan. Upload een PDF, TIFF, PNG of JPEG.')
    expect(response.body).toContain('aria-invalid="true"')
    expect(await t.database.db.selectFrom('scan_batches').select('id').execute()).toEqual(before)
  })

  it('refuses an upload without the form’s token', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer/scans')
    typist.lastPage = '<input name="_csrf" value="wrong">'
    const response = await upload(
      typist,
      '/invoer/scans',
      { ronde: String(forms.round.roundId) },
      {
        bestand: { name: 'scan.pdf', data: await imagePdf([page(0, 1)]) },
      },
    )
    expect(response.statusCode).toBe(403)
  })

  describe('shows scans to typists and researchers only', () => {
    it('sends someone not signed in, or signed in as a respondent, to the staff sign-in; posts get nothing', async () => {
      const pageId = (await t.database.db.selectFrom('scan_pages').select('id').executeTakeFirstOrThrow()).id
      const anonymous = new Browser(t.app)
      const respondent = new Browser(t.app)
      await respondent.visit(`/c/${forms.round.participants[0]!.code}`)
      for (const browser of [anonymous, respondent]) {
        for (const url of ['/invoer/scans', `/invoer/scans/pagina/${pageId}`]) {
          const response = await browser.get(url)
          expect(response.statusCode, url).toBe(303)
          expect(String(response.headers.location)).toMatch(/^\/beheer\/inloggen/)
        }
        const csrf = csrfTokenOf((await browser.visit('/')).body)
        expect((await browser.post('/invoer/scans', { ronde: forms.round.roundId }, { csrf })).statusCode).toBe(401)
      }
    })

    it('refuses administrators: they manage accounts, not forms', async () => {
      const pageId = (await t.database.db.selectFrom('scan_pages').select('id').executeTakeFirstOrThrow()).id
      const admin = await signedInAs(t.app, 'administrator')
      expect((await admin.get('/invoer/scans')).statusCode).toBe(403)
      const image = await admin.get(`/invoer/scans/pagina/${pageId}`)
      expect(image.statusCode).toBe(403)
      expect(image.headers['content-type']).not.toBe('image/png')
      const csrf = csrfTokenOf((await admin.visit('/beheer')).body)
      expect((await admin.post('/invoer/scans', { ronde: forms.round.roundId }, { csrf })).statusCode).toBe(403)
    })
  })
})
