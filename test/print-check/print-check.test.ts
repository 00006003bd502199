import { mkdir, readdir, readFile } from 'node:fs/promises'
import { PDFDocument as PdfLibDocument } from '@cantoo/pdf-lib'
import PDFDocument from 'pdfkit'
import { beforeAll, describe, expect, it } from 'vitest'
import type { PrintSet } from '#src/mailmerge/index.ts'
import { writePrintSets } from '#src/mailmerge/index.ts'
import { A4 } from '#src/mailmerge/units.ts'
import type { CollationProblem } from '#src/print-check/index.ts'
import { checkPrintFile, PdfReadError } from '#src/print-check/index.ts'
import { runProgram } from '#test/helpers/programs.ts'
import { code, letter, paperDefinition, template } from '#test/mailmerge/fixtures.ts'
import { renderToolsAvailable, useTempDir, writePdf } from '#test/mailmerge/pdf-tools.ts'

const tools = renderToolsAvailable()
const tmp = useTempDir()

const CODES = ['K7QXM4TR2', 'K7QXM4TR3', 'K7QXM4TR4', 'K7QXM4TR5'].map(code)
const STRANGER = code('ABCDEFGH7')

/** Four people; the third set holds someone else's form (the slip the marks are for). */
function sets(): PrintSet[] {
  return CODES.map((c, i) => ({
    letter: letter({ code: c, loginUrl: `https://enquete.example.nl/c/${c}` }),
    form: { code: i === 2 ? STRANGER : c, lang: 'nl', stratumName: 'Hengelo' },
  }))
}

/** First page (0-based) of each sheet, per set. */
let sheetPages: number[][]
let stream: string

beforeAll(async () => {
  sheetPages = []
  let page = 0
  stream = await writePdf(tmp.file('stream.pdf'), (out) =>
    writePrintSets(sets(), template(), out, {
      definition: paperDefinition(),
      onSet: ({ sheets }) => {
        sheetPages.push(Array.from({ length: sheets }, (_, i) => page + 2 * i))
        page += 2 * sheets
      },
    }),
  )
})

/** The pages of the stream after swapping two sheets of set 2 with set 1's, and dropping set 4's last sheet. */
function shuffledPages(): number[] {
  const sheets = sheetPages.flatMap((pages, set) => pages.map((page, sheet) => ({ set, sheet, page })))
  const a = sheets.findIndex((s) => s.set === 0 && s.sheet === 1)
  const b = sheets.findIndex((s) => s.set === 1 && s.sheet === 1)
  ;[sheets[a], sheets[b]] = [sheets[b]!, sheets[a]!]
  const dropped = sheets.findIndex((s) => s.set === 3 && s.sheet === sheetPages[3]!.length - 1)
  sheets.splice(dropped, 1)
  return sheets.flatMap((s) => [s.page, s.page + 1])
}

function kinds(problems: CollationProblem[]) {
  return problems.map((p) => {
    if (p.kind === 'outOfSequence' || p.kind === 'duplicate' || p.kind === 'missingSheet')
      return `${p.kind} ${p.sheet.set}/${p.sheet.sheet}`
    if (p.kind === 'codeMismatch') return `${p.kind} ${p.set} ${p.found}`
    return `${p.kind} ${p.set}`
  })
}

function expectShuffleFound(problems: CollationProblem[]) {
  const found = kinds(problems)
  // The swapped sheets: one of the two is out of place (or both, depending on the run kept).
  expect(found.filter((k) => k.startsWith('outOfSequence')).length).toBeGreaterThanOrEqual(1)
  for (const k of found.filter((k) => k.startsWith('outOfSequence')))
    expect(['outOfSequence 1/2', 'outOfSequence 2/2']).toContain(k)
  expect(found).toContain(`missingSheet 4/${sheetPages[3]!.length}`)
  expect(found).toContain(`codeMismatch 3 ${STRANGER}`)
  expect(found).toHaveLength(found.filter((k) => k.startsWith('outOfSequence')).length + 2)
}

describe('a print file made by Peiling', () => {
  it('has a mark on every front side, and the only problem is the set with the stranger’s form', async () => {
    const report = await checkPrintFile(await readFile(stream))
    expect(report.source).toBe('printFile')
    expect(report.sets).toBe(4)
    expect(report.sheets).toBe(sheetPages.flat().length)
    expect(report.pages).toBe(2 * report.sheets)
    expect(kinds(report.problems)).toEqual([`codeMismatch 3 ${STRANGER}`])
  })

  it('finds a swap of two sheets and a missing sheet when the pages are put in another order', async () => {
    // A careless tool rewrote the page tree: the page objects stay, their order changes.
    const bytes = (await readFile(stream)).toString('latin1')
    const kids = /\/Kids \[([^\]]*)\]/.exec(bytes)!
    const refs = kids[1]!.trim().split(/\s+(?=\d+ 0 R)/)
    const reordered = shuffledPages().map((page) => refs[page])
    const edited = bytes.replace(kids[0], `/Kids [${reordered.join(' ')}]`)
    const report = await checkPrintFile(Buffer.from(edited, 'latin1'))
    expect(report.pages).toBe(refs.length - 2)
    expectShuffleFound(report.problems)
  })

  it('refuses what is not a PDF', async () => {
    await expect(checkPrintFile(Buffer.from('naam;code\n'))).rejects.toBeInstanceOf(PdfReadError)
  })
})

describe.runIf(tools)('a scan of the printed stack', () => {
  it('reads the DataMatrix marks, the form barcodes and the letter QR codes from the page images', async () => {
    // The printer's output as an office scanner returns it: one image per page (PNG and JPEG alternating).
    const dir = tmp.file('scan')
    await mkdir(dir)
    await runProgram('pdftoppm', ['-r', '150', '-gray', '-png', stream, `${dir}/png`])
    await runProgram('pdftoppm', ['-r', '150', '-gray', '-jpeg', stream, `${dir}/jpg`])
    const total = sheetPages.flat().length * 2
    const width = String(total).length
    const image = (page: number) =>
      `${dir}/${page % 4 < 2 ? 'png' : 'jpg'}-${String(page + 1).padStart(width, '0')}.${page % 4 < 2 ? 'png' : 'jpg'}`
    const scan = tmp.file('scan.pdf')
    await writePdf(scan, async (out) => {
      const doc = new PDFDocument({ autoFirstPage: false })
      const done = new Promise((resolve) => out.on('finish', resolve))
      doc.pipe(out)
      for (const page of shuffledPages()) {
        doc.addPage({ size: [A4.width, A4.height], margin: 0 })
        doc.image(image(page), 0, 0, { width: A4.width, height: A4.height })
      }
      doc.end()
      await done
    })
    const report = await checkPrintFile(await readFile(scan))
    expect(report.source).toBe('scan')
    expect(report.sheets).toBe(sheetPages.flat().length - 1)
    expectShuffleFound(report.problems)
  }, 120_000)

  it('reads a print file in which one sheet is a scan, the rest from the notes', async () => {
    // Set 2's letter was reprinted from a scan of it and put back in the file.
    const dir = tmp.file('mixed')
    await mkdir(dir)
    const [front, back] = sheetPages[1]!.slice(0, 1).flatMap((page) => [page, page + 1])
    const first = String(front! + 1)
    await runProgram('pdftoppm', [
      '-r',
      '150',
      '-gray',
      '-png',
      '-f',
      first,
      '-l',
      String(back! + 1),
      stream,
      `${dir}/p`,
    ])
    const made = await PdfLibDocument.load(await readFile(stream))
    const mixed = await PdfLibDocument.create()
    const pages = await mixed.copyPages(made, made.getPageIndices())
    for (const [index, page] of pages.entries()) {
      if (index !== front && index !== back) {
        mixed.addPage(page)
        continue
      }
      const file = (await readdir(dir)).find((name) => Number(/-(\d+)\.png$/.exec(name)?.[1]) === index + 1)!
      const scanned = mixed.addPage([A4.width, A4.height])
      scanned.drawImage(await mixed.embedPng(await readFile(`${dir}/${file}`)), {
        x: 0,
        y: 0,
        width: A4.width,
        height: A4.height,
      })
    }
    const report = await checkPrintFile(await mixed.save())
    expect(report.source).toBe('mixed')
    expect(report.sheets).toBe(sheetPages.flat().length)
    expect(kinds(report.problems)).toEqual([`codeMismatch 3 ${STRANGER}`])
  }, 120_000)
})
