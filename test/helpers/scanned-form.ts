/**
 * A scanned form ready to check, put straight into the database: the participant's form
 * printed from the round's questionnaire, rendered with pdftoppm as a scanner would give
 * it back (unrotated, so the placement is the plain scale dpi/72), crosses drawn in the
 * boxes read as ticked, and a reading written by hand for the test. What the reader would
 * make of a scan is the reader's tests' business; here it is given.
 */
import { createHash } from 'node:crypto'
import sharp from 'sharp'
import type { DB } from '#src/server/db/connect.ts'
import type { LoginCode } from '#src/codes/login-code.ts'
import type { FormLayout, Rect } from '#src/mailmerge/paper-layout.ts'
import { boundingRect } from '#src/mailmerge/units.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { writePaperQuestionnaire } from '#src/mailmerge/index.ts'
import type { FieldReading, FormReading, GreyImage, PagePlacement, UncertainReason } from '#src/scan/types.ts'
import { pageToPng } from '#src/scan/index.ts'
import { readPgm, renderPages, writePdf } from '#test/mailmerge/pdf-tools.ts'
import type { RoundFixture } from './fixtures.ts'

/** What the reader made of one field: its value as keyed, and whether it was sure. */
export interface ReadValue {
  value: string
  certain?: boolean
  reason?: UncertainReason
}

export interface ScannedFormFixture {
  formId: string
  reading: FormReading
  layout: FormLayout
}

/** A pen cross through the box, two pixels wide. */
function drawCross(image: GreyImage, rect: Rect, scale: number): void {
  const x0 = Math.round(rect.x * scale)
  const y0 = Math.round(rect.y * scale)
  const size = Math.round(Math.min(rect.width, rect.height) * scale)
  for (let i = 0; i < size; i++) {
    for (const [x, y] of [
      [x0 + i, y0 + i],
      [x0 + size - 1 - i, y0 + i],
    ] as const) {
      for (const dx of [0, 1]) {
        const px = x + dx
        if (px >= 0 && px < image.width && y >= 0 && y < image.height) image.data[y * image.width + px] = 20
      }
    }
  }
}

/** One FieldReading per field with an area on paper, as readForm gives them: blank and certain unless `read` says otherwise. */
export function readingFromLayout(layout: FormLayout, read: Record<string, ReadValue>): FormReading {
  const fields: FieldReading[] = []
  const seen = new Set<string>()
  for (const page of layout.pages) {
    for (const area of page.areas) {
      if (seen.has(area.variable)) continue
      seen.add(area.variable)
      const rects = page.areas.filter((a) => a.variable === area.variable).map((a) => a.rect)
      const given = read[area.variable]
      fields.push({
        variable: area.variable,
        value: given?.value ?? '',
        certain: given?.certain ?? true,
        ...(given?.reason ? { reason: given.reason } : {}),
        page: page.page,
        rect: boundingRect(rects),
      })
    }
  }
  return { fields }
}

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)

/** The page with the texts written on the first line of their areas, slanted, as a pen would. */
async function withHandwriting(
  png: Buffer,
  layout: FormLayout,
  page: number,
  texts: Record<string, string>,
  scale: number,
): Promise<Buffer> {
  const areas = (layout.pages.find((p) => p.page === page)?.areas ?? []).filter(
    (a) => a.kind === 'write' && texts[a.variable],
  )
  if (areas.length === 0) return png
  const { width, height } = await sharp(png).metadata()
  const lines = areas.map((a) => {
    const x = (a.rect.x + 6) * scale
    const y = (a.rect.y + Math.min(a.rect.height, 18) - 4) * scale
    return `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-style="oblique" font-size="${13 * scale}" fill="#223">${escapeXml(texts[a.variable]!)}</text>`
  })
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${lines.join('')}</svg>`
  return sharp(png)
    .composite([{ input: Buffer.from(svg), left: 0, top: 0 }])
    .greyscale()
    .png()
    .toBuffer()
}

/**
 * The printed pages of a variant, rendered once per test file: printing and rendering
 * took most of a test's time, and the checking screen never reads the code on the page
 * (the reading is given), so every participant's scan may show the first one's code.
 */
const printed = new Map<string, Promise<{ layout: FormLayout; pages: GreyImage[] }>>()

function printedForm(
  dir: string,
  definition: QuestionnaireDefinition,
  code: LoginCode,
  stratum: { code: string; name: string },
  dpi: number,
): Promise<{ layout: FormLayout; pages: GreyImage[] }> {
  const key = createHash('sha256')
    .update(JSON.stringify([definition, stratum, dpi]))
    .digest('hex')
  let made = printed.get(key)
  if (!made) {
    made = (async () => {
      let layout: FormLayout | undefined
      const pdf = await writePdf(`${dir}/form-${key.slice(0, 12)}.pdf`, async (out) => {
        layout = (
          await writePaperQuestionnaire(definition, out, { code, stratumName: stratum.name, stratum: stratum.code })
        ).layout
      })
      const rendered = await renderPages(pdf, dir, { dpi })
      const pages = await Promise.all(
        rendered.pages.map(async (file) => {
          const pgm = await readPgm(file)
          return { width: pgm.width, height: pgm.height, data: new Uint8Array(pgm.pixels) }
        }),
      )
      return { layout: layout!, pages }
    })()
    printed.set(key, made)
  }
  return made
}

export async function createScannedForm(
  db: DB,
  options: {
    round: RoundFixture
    participant: { id: number; code: LoginCode; stratumId: number }
    read: Record<string, ReadValue>
    /** A folder for the PDF and its rendered pages. */
    dir: string
    /** Texts written on the form by hand (on the lines of these fields), for a typist to read off the scan. */
    handwriting?: Record<string, string>
    dpi?: number
  },
): Promise<ScannedFormFixture> {
  const { round, participant } = options
  const dpi = options.dpi ?? 150
  const stratum = round.strata.find((s) => s.id === participant.stratumId)!
  const { definition } = await db
    .selectFrom('rounds as r')
    .innerJoin('questionnaires as q', 'q.id', 'r.questionnaire_id')
    .select('q.definition')
    .where('r.id', '=', round.roundId)
    .executeTakeFirstOrThrow()
  const { layout, pages } = await printedForm(options.dir, definition, participant.code, stratum, dpi)
  const reading = readingFromLayout(layout, options.read)

  const scale = dpi / 72
  const placement: PagePlacement = { transform: [scale, 0, 0, 0, scale, 0], scale, upsideDown: false }
  const ticked = (variable: string, value: number) =>
    (options.read[variable]?.value ?? '').split(' ').includes(String(value))

  const layoutRow = await db
    .insertInto('paper_layouts')
    .values({
      round_id: round.roundId,
      language: 'nl',
      stratum_code: stratum.code,
      fingerprint: `test-${participant.id}`,
      layout: JSON.stringify(layout),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.updateTable('participants').set({ paper_layout_id: layoutRow.id }).where('id', '=', participant.id).execute()
  const batch = await db
    .insertInto('scan_batches')
    .values({ round_id: round.roundId, file_name: 'scan.pdf', status: 'done' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const form = await db
    .insertInto('scan_forms')
    .values({
      round_id: round.roundId,
      participant_id: participant.id,
      layout_id: layoutRow.id,
      status: 'ready',
      reading: JSON.stringify(reading),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const [i, printed] of pages.entries()) {
    const image: GreyImage = { ...printed, data: new Uint8Array(printed.data) }
    for (const area of layout.pages.find((p) => p.page === i + 1)?.areas ?? []) {
      if (area.kind === 'tick' && ticked(area.variable, area.value)) drawCross(image, area.rect, scale)
    }
    await db
      .insertInto('scan_pages')
      .values({
        batch_id: batch.id,
        round_id: round.roundId,
        position: i + 1,
        image: await withHandwriting(await pageToPng(image), layout, i + 1, options.handwriting ?? {}, scale),
        status: 'read',
        form_id: form.id,
        form_page: i + 1,
        placement: JSON.stringify(placement),
      })
      .execute()
  }
  return { formId: form.id, reading, layout: layout }
}
