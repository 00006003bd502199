/**
 * What a letter and a paper form look like, pixel for pixel: page images compared with
 * committed references (test/mailmerge/references/), so a change in layout shows up as a
 * failing test with the new image beside the old. Fixed name, code and dates; the fonts
 * are the embedded DejaVu files (assets/fonts), so a render does not depend on the
 * machine's fonts.
 *
 * After a change meant to alter the look: UPDATE_REFERENCES=1 npx vitest run
 * test/mailmerge/reference-images.test.ts, look at the new images, commit them.
 *
 * Also writes larger screenshots to test-artifacts/ (page 1 of the letter in every
 * client language, two pages of a form) for people to look at; see the README.
 */
import { copyFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { UI_LANGUAGES } from '#src/i18n/translate.ts'
import { writeLetterBatch, writePaperQuestionnaireBatch } from '#src/mailmerge/index.ts'
import { code, ktoDefinition, letter, template } from './fixtures.ts'
import {
  pixelDifference,
  readPngAsGrey,
  renderPagePng,
  renderToolsAvailable,
  useTempDir,
  writePdf,
} from './pdf-tools.ts'

const tools = renderToolsAvailable()
const tmp = useTempDir()

const REFERENCES = path.resolve(import.meta.dirname, 'references')
/** Where test runs leave images for people (the browser tests' screenshots go there too). */
const ARTIFACTS = path.resolve('test-artifacts')
const UPDATE = process.env.UPDATE_REFERENCES === '1'
/** Low enough to keep the references small, high enough to see a moved line or box. */
const REFERENCE_DPI = 50
/** Anti-aliasing may differ a little between poppler versions; a moved text line differs by more. */
const MAX_DIFFERENCE = 0.004

const CODE = code('K7QXM4TR9')
const REPLY_ADDRESS = ['Gemeente Hengelo', 'Antwoordnummer 1234', '7550 VB Hengelo']

const letterPdf = (language: string) =>
  writePdf(tmp.file(`letter-${language}.pdf`), (out) =>
    writeLetterBatch([letter({ code: CODE, language, name: 'J. van der Meijer' })], template(), out),
  )

const formPdf = (lang: string) =>
  writePdf(tmp.file(`form-${lang}.pdf`), (out) =>
    writePaperQuestionnaireBatch(
      ktoDefinition(),
      [{ code: CODE, lang, stratumName: 'Hengelo', stratum: 'hengelo' }],
      out,
      {
        returnBy: '2027-01-03',
        replyAddress: REPLY_ADDRESS,
      },
    ),
  )

async function compareWithReference(file: string, page: number, name: string): Promise<void> {
  const rendered = await renderPagePng(file, page, tmp.dir, REFERENCE_DPI)
  const reference = path.join(REFERENCES, `${name}.png`)
  if (UPDATE) {
    await mkdir(REFERENCES, { recursive: true })
    await copyFile(rendered, reference)
    return
  }
  const difference = pixelDifference(await readPngAsGrey(rendered), await readPngAsGrey(reference))
  expect(
    difference,
    `${name}: ${(difference * 100).toFixed(2)}% of the pixels differ from ${reference} (new image: ${rendered}; ` +
      'if the change is meant, run with UPDATE_REFERENCES=1 and commit the new reference)',
  ).toBeLessThan(MAX_DIFFERENCE)
}

async function screenshot(file: string, page: number, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true })
  await copyFile(await renderPagePng(file, page, tmp.dir, 100), path.join(ARTIFACTS, `${name}.png`))
}

describe.skipIf(!tools)('page images', () => {
  it('page 1 of the invitation letter looks as its reference', async () => {
    await compareWithReference(await letterPdf('nl'), 1, 'letter-nl-page-1')
  })

  it('pages 1 and 2 of the paper form look as their references', async () => {
    const file = await formPdf('nl')
    await compareWithReference(file, 1, 'form-nl-page-1')
    await compareWithReference(file, 2, 'form-nl-page-2')
  })

  it('the comparison sees a changed page', async () => {
    // The letter to someone else, with another code: a few lines and the QR code differ.
    const other = await writePdf(tmp.file('letter-other.pdf'), (out) =>
      writeLetterBatch([letter({ code: code('ABCDEFGH2'), name: 'Ayşe Yılmaz' })], template(), out),
    )
    const rendered = await renderPagePng(other, 1, tmp.dir, REFERENCE_DPI)
    const reference = path.join(REFERENCES, 'letter-nl-page-1.png')
    expect(pixelDifference(await readPngAsGrey(rendered), await readPngAsGrey(reference))).toBeGreaterThan(
      MAX_DIFFERENCE,
    )
  })

  it.each(UI_LANGUAGES)('writes a screenshot of page 1 of the letter in %s', async (language) => {
    await screenshot(await letterPdf(language), 1, `letter-${language}-page-1`)
  })

  it('writes screenshots of form pages', async () => {
    const form = await formPdf('nl')
    await screenshot(form, 1, 'form-nl-page-1')
    await screenshot(form, 8, 'form-nl-page-8')
  })

  it('writes a screenshot of page 1 of the Arabic form', async () => {
    await screenshot(await formPdf('ar'), 1, 'form-ar-page-1')
  })
})
