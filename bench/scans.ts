/**
 * Reading scanned KTO forms (issue 18), on the test set the tests make
 * (test/helpers/scan-test-set.ts): forms printed from the shipped definition, filled in by
 * script (crosses, checkmarks, corrections, faint pencil, two ticks, blank pages,
 * handwriting), rasterised at 200 dpi (most) and 300 dpi, with noise, ±3° skew, a few
 * pages upside down, pages out of order and one page missing.
 *
 * Pages are kept as the grey PNGs the intake stores (pageToPng); reading is what the
 * intake does with them: decode, readPage on every page and the marks of its boxes
 * (marksOfPage, against the layout of the code it names), pages grouped by code, and per
 * complete form formFromMarks.
 *
 * Figures and targets:
 * - pages per second of reading (≥ 10), against merely decoding the same PNGs (sharp);
 * - the field error rate among fields read as certain (≤ 0.1%), against the ground truth;
 * - the share of fields sent to a typist as uncertain (≤ 3%), tick fields alone (the
 *   target) and with the written areas, which always go to a typist;
 * - pages listed as problems (none: every page has a readable barcode and marks) and
 *   forms left incomplete (exactly the one whose page was left out);
 * - keystrokes per form when checking: one per uncertain tick field, the characters of
 *   each written text, Enter to accept; against 177 keying a KTO form by hand
 *   (test/browser/typist-keying.test.ts, the scanned code included).
 *
 * Run alone: `node bench/scans.ts` (`--quick`: 6 + 2 forms).
 */
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import type { FormLayout } from '#src/mailmerge/paper-layout.ts'
import type { FieldReading } from '#src/scan/index.ts'
import type { PageMarks } from '#src/scan/index.ts'
import { formFromMarks, marksOfPage, pageToPng, pngToPage, readPage } from '#src/scan/index.ts'
import type { FilledForm } from '#test/helpers/scan-test-set.ts'
import { makeScanTestSet } from '#test/helpers/scan-test-set.ts'
import { loadKto } from '#test/questionnaire/kto.ts'
import type { Figure } from './figures.ts'
import { round2 } from './stats.ts'

/** Keying a KTO form by hand, the scanned code and Enter included (test/browser/typist-keying.test.ts). */
const KEYING_KEYSTROKES = 177
/** Forms per call of the generator: its pages are held raw until made into PNGs. */
const CHUNK = 4

interface StoredPage {
  png: Buffer
  code: string
  page: number
  upsideDown: boolean
}

interface Options {
  /** Forms at 200 dpi (default 38: 303 pages, one being left out) and at 300 dpi (default 6). */
  forms200?: number
  forms300?: number
  seed?: number
  log?: (line: string) => void
}

/** Makes the test set in chunks, keeping each page as the PNG the intake stores. */
async function makePages(
  forms: number,
  dpi: number,
  seed: number,
  missingPage: boolean,
): Promise<{ pages: StoredPage[]; forms: FilledForm[]; seconds: number }> {
  const pages: StoredPage[] = []
  const filled: FilledForm[] = []
  const started = performance.now()
  for (let first = 0; first < forms; first += CHUNK) {
    const set = await makeScanTestSet({
      forms: Math.min(CHUNK, forms - first),
      dpi,
      seed: seed + first,
      degrade: { missingPage: missingPage && first === 0 },
    })
    filled.push(...set.forms)
    for (const page of set.pages)
      pages.push({ png: await pageToPng(page.image), code: page.code, page: page.page, upsideDown: page.upsideDown })
  }
  return { pages, forms: filled, seconds: (performance.now() - started) / 1000 }
}

interface Tally {
  certain: number
  errors: number
  uncertain: number
  fields: number
  writtenFields: number
  writtenUncertain: number
  writtenCertain: number
  writtenErrors: number
  notRead: number
  keystrokes: number[]
  errorExamples: string[]
  /** Per way of filling in (cross, faint, …): fields, uncertain, errors. */
  byFill: Map<string, { fields: number; uncertain: number; errors: number }>
}

/** Compares a form's reading with what a careful typist would key from the paper. */
function score(form: FilledForm, fields: FieldReading[], tally: Tally): void {
  const byVariable = new Map(fields.map((f) => [f.variable, f]))
  let keystrokes = 1
  for (const [variable, expected] of Object.entries(form.expected)) {
    const read = byVariable.get(variable)
    const written = variable in form.written
    if (!read) {
      tally.notRead++
      continue
    }
    if (written) {
      tally.writtenFields++
      if (read.certain) {
        tally.writtenCertain++
        if (read.value !== expected) tally.writtenErrors++
      } else {
        tally.writtenUncertain++
        // A typist types the text from the cut-out; an empty one is confirmed with a key.
        keystrokes += Math.max(1, expected.replace(/\n/g, ' ').length)
      }
      continue
    }
    tally.fields++
    const fill = form.fills[variable] ?? 'unknown'
    const kind = tally.byFill.get(fill) ?? { fields: 0, uncertain: 0, errors: 0 }
    tally.byFill.set(fill, kind)
    kind.fields++
    if (read.certain && read.value !== expected) kind.errors++
    if (!read.certain) kind.uncertain++
    if (read.certain) {
      tally.certain++
      if (read.value !== expected) {
        tally.errors++
        if (tally.errorExamples.length < 8)
          tally.errorExamples.push(`${form.code} ${variable}: read "${read.value}", ticked "${expected}"`)
      }
    } else {
      tally.uncertain++
      keystrokes++
    }
  }
  tally.keystrokes.push(keystrokes)
}

export async function benchScans(options: Options = {}): Promise<Figure[]> {
  const log = options.log ?? ((line: string) => console.error(line))
  const seed = options.seed ?? 18
  const definition = loadKto()
  const load = round2(loadavg()[0]!)

  log('scans: making the test set')
  const low = await makePages(options.forms200 ?? 38, 200, seed, true)
  const high = await makePages(options.forms300 ?? 6, 300, seed + 1000, false)
  const stored = [...low.pages, ...high.pages]
  const forms = [...low.forms, ...high.forms]
  const formByCode = new Map(forms.map((f) => [f.code, f]))
  const generated = stored.length / (low.seconds + high.seconds)

  log(`scans: reading ${stored.length} pages`)
  // Baseline: decoding the same PNGs to grey pixels, nothing else. Page by page in turns
  // with reading, so that other work on the machine weighs on both alike; libvips's cache
  // off, so that neither decodes a page the other already did.
  sharp.cache(false)
  let baselineSeconds = 0
  let pageSeconds = 0
  const reads = []
  for (const [i, page] of stored.entries()) {
    // Which goes first alternates: the second decoding of a page finds it in the CPU's caches.
    const decode = async () => {
      const started = performance.now()
      await pngToPage(page.png)
      baselineSeconds += (performance.now() - started) / 1000
    }
    if (i % 2 === 0) await decode()
    const started = performance.now()
    const image = await pngToPage(page.png)
    const read = await readPage(image)
    const layout = read.ok ? formByCode.get(read.code)?.layout : undefined
    const marks =
      read.ok && layout ? marksOfPage(layout, { page: read.page, image, placement: read.placement }) : undefined
    reads.push({ read, marks })
    pageSeconds += (performance.now() - started) / 1000
    if (i % 2 === 1) await decode()
  }

  const problems: string[] = []
  let misread = 0
  const byCode = new Map<string, PageMarks[]>()
  for (const [i, { read, marks }] of reads.entries()) {
    const truth = stored[i]!
    if (!read.ok) {
      problems.push(`${truth.code}:${truth.page}${truth.upsideDown ? ' (upside down)' : ''}: ${read.problem}`)
      continue
    }
    if (read.code !== truth.code || read.page !== truth.page) {
      misread++
      continue
    }
    if (marks) byCode.set(read.code, [...(byCode.get(read.code) ?? []), marks])
  }

  const tally: Tally = {
    certain: 0,
    errors: 0,
    uncertain: 0,
    fields: 0,
    writtenFields: 0,
    writtenUncertain: 0,
    writtenCertain: 0,
    writtenErrors: 0,
    notRead: 0,
    keystrokes: [],
    errorExamples: [],
    byFill: new Map(),
  }
  const incomplete: string[] = []
  let formSeconds = 0
  for (const [code, pages] of byCode) {
    const form = formByCode.get(code)
    if (!form) {
      problems.push(`${code}: a form that was never printed`)
      continue
    }
    const layout: FormLayout = form.layout
    if (!layout.pages.every((p) => p.areas.length === 0 || pages.some((q) => q.page === p.page))) {
      incomplete.push(code)
      continue
    }
    const started = performance.now()
    const reading = formFromMarks(definition, layout, pages)
    formSeconds += (performance.now() - started) / 1000
    score(form, reading.fields, tally)
  }
  const subject = `scanned KTO forms, ${low.pages.length} pages at 200 dpi + ${high.pages.length} at 300 dpi`
  for (const example of tally.errorExamples) log(`scans: error ${example}`)
  for (const problem of problems) log(`scans: problem page ${problem}`)
  const byFill: Figure[] = [...tally.byFill]
    .sort(([, a], [, b]) => b.fields - a.fields)
    .map(([fill, t]) => ({
      subject,
      measure: `  tick fields filled in as: ${fill}`,
      value: `${t.fields}: ${t.uncertain} uncertain, ${t.errors} wrong`,
    }))

  const readSeconds = pageSeconds + formSeconds
  const pagesPerSecond = stored.length / readSeconds
  const errorRate = tally.certain === 0 ? 1 : tally.errors / tally.certain
  const uncertainShare = tally.fields === 0 ? 1 : tally.uncertain / tally.fields
  const allFields = tally.fields + tally.writtenFields
  const uncertainWithWriting = (tally.uncertain + tally.writtenUncertain) / Math.max(1, allFields)
  const meanKeystrokes = tally.keystrokes.reduce((a, b) => a + b, 0) / Math.max(1, tally.keystrokes.length)
  const expectedIncomplete = forms.filter((f) => f.missingPage).length
  const pct = (share: number) => round2(share * 100)

  return [
    { subject, measure: 'machine load average (1 min) at the start', value: load },
    {
      subject,
      measure: 'test set made (print, fill, rasterise, spoil, PNG)',
      value: round2(generated),
      unit: 'pages/s',
    },
    {
      subject,
      measure: 'reading: decode, readPage, marksOfPage, formFromMarks',
      value: round2(pagesPerSecond),
      unit: 'pages/s',
      target: '≥ 10 pages/s',
      met: pagesPerSecond >= 10,
    },
    {
      subject,
      measure: 'of which per page (decode, readPage, marksOfPage)',
      value: round2(stored.length / pageSeconds),
      unit: 'pages/s',
    },
    {
      subject,
      measure: 'baseline: decoding the same PNGs (pngToPage)',
      value: round2(stored.length / baselineSeconds),
      unit: 'pages/s',
    },
    { subject, measure: 'reading vs baseline (time)', value: `${(readSeconds / baselineSeconds).toFixed(1)}×` },
    {
      subject,
      measure: 'field errors among tick fields read as certain',
      value: `${pct(errorRate)}% (${tally.errors} of ${tally.certain})`,
      target: '≤ 0.1%',
      met: errorRate <= 0.001,
    },
    {
      subject,
      measure: 'tick fields sent to a typist as uncertain',
      value: `${pct(uncertainShare)}% (${tally.uncertain} of ${tally.fields})`,
      target: '≤ 3%',
      met: uncertainShare <= 0.03,
    },
    {
      subject,
      measure: 'all fields to a typist, written areas included',
      value: `${pct(uncertainWithWriting)}% (${tally.uncertain + tally.writtenUncertain} of ${allFields})`,
    },
    ...byFill,
    {
      subject,
      measure: 'written areas read as certain (empty) but written on',
      value: tally.writtenErrors,
      target: '0',
      met: tally.writtenErrors === 0,
    },
    {
      subject,
      measure: 'pages listed as problems (none spoilt beyond reading)',
      value: problems.length,
      target: '0',
      met: problems.length === 0,
    },
    { subject, measure: 'pages read as another code or page', value: misread, target: '0', met: misread === 0 },
    {
      subject,
      measure: 'forms incomplete (one page left out on purpose)',
      value: incomplete.length,
      target: String(expectedIncomplete),
      met: incomplete.length === expectedIncomplete,
    },
    {
      subject,
      measure: 'fields with an area on paper not in the reading',
      value: tally.notRead,
      target: '0',
      met: tally.notRead === 0,
    },
    {
      subject,
      measure: 'keystrokes per form when checking (mean)',
      value: round2(meanKeystrokes),
      target: `< ${KEYING_KEYSTROKES} (keying by hand)`,
      met: meanKeystrokes < KEYING_KEYSTROKES,
    },
    {
      subject,
      measure: 'checking vs keying by hand (keystrokes)',
      value: `${(meanKeystrokes / KEYING_KEYSTROKES).toFixed(2)}×`,
    },
  ]
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { printTable } = await import('./figures.ts')
  const quick = process.argv.includes('--quick')
  printTable(await benchScans(quick ? { forms200: 6, forms300: 2 } : {}))
}
