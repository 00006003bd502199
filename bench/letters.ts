/**
 * Letter batch benchmark.
 *
 * - Speed: a round's mailing (2,300 letters) against bare pdfkit setting the same text
 *   on the same number of pages without QR codes, address fitting or layout, in the
 *   same run. Targets: under 5 s, and at least the baseline's pages per second (1.0×;
 *   issue 13).
 * - Memory: peak RSS of one PDF of 20,000 and of 100,000 letters streamed to /dev/null,
 *   each in a child process of its own so that the peak is that batch's alone.
 *   Target: under 300 MB.
 *
 * - Paper questionnaires: 300 KTO forms (three municipalities, one in ten in English),
 *   reported as pages per second against the same bare-pdfkit baseline. No target in the
 *   issue; a round prints about 2,300.
 *
 * - Collated sets (print-sets.ts): 2,300 sets of letter and KTO form against making the
 *   letters and the forms as two separate files in the same run (in a child process of
 *   its own, three turns each, the fastest kept). Target: at least 80%
 *   of the separate files' speed. Peak RSS of 20,000 sets in a child process, sampled
 *   during the run to show it stays flat. Target: under 400 MB. And the collation check
 *   of a 2,300-set print file. Target: under 30 s.
 *
 * Run: `node bench/letters.ts` (add `--quick` to skip the 100,000-letter run). Parts
 * alone: `--letter-speed` (letters against bare pdfkit), `--set-speed` (sets against
 * separate files), `--set-memory` (the 20,000-set child), `--sets` (all of the sets),
 * `--check` (the collation check; `--check=FILE` on a print file made before).
 */
import { createWriteStream } from 'node:fs'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import PDFDocument from 'pdfkit'
import { generateLoginCode } from '#src/codes/login-code.ts'
import type { LetterData, LetterTemplate, PaperFormItem } from '#src/mailmerge/index.ts'
import type { PrintSet } from '#src/mailmerge/index.ts'
import {
  defaultTemplate,
  mergeFields,
  writeLetterBatch,
  writePaperQuestionnaireBatch,
  writePrintSets,
} from '#src/mailmerge/index.ts'
import { registerFonts } from '#src/mailmerge/fonts.ts'
import { loadKto } from '#test/questionnaire/kto.ts'
import { peakRssMb, round2, rssMb, runJsonChild } from './stats.ts'

const SPEED_LETTERS = 2_300
const PAPER_FORMS = 300
const MEMORY_RUNS = [20_000, 100_000]
const SETS = 2_300
const SET_MEMORY_RUN = 20_000

const FIRST = ['Jan', 'Fatima', 'Łukasz', 'Ayşe', 'Nguyễn Thị', 'Mehmet', 'Anna', 'Sjoerd', 'Zoë', 'Mohamed']
const LAST = [
  'van der Meijer',
  'Yılmaz',
  'Kowalski',
  'Öztürk',
  'Hoàng',
  'El Amrani',
  'de Vries',
  'Bakker',
  'Çelik',
  'Jansen',
]
const STREETS = [
  'Marktstraat',
  'Enschedesestraat',
  'Deldenerstraat',
  'Oldenzaalsestraat',
  'Molenstraat',
  'Stationsplein',
]
const TOWNS = [
  ['Hengelo', 'HENGELO'],
  ['Haaksbergen', 'HAAKSBERGEN'],
  ['Borne', 'BORNE'],
] as const

/** Letters like a real mailing: every name, address and code different (that is what grows caches). */
export function* sampleLetters(count: number): Generator<LetterData> {
  for (let i = 0; i < count; i++) {
    const code = generateLoginCode()
    const [stratumName, town] = TOWNS[i % TOWNS.length]!
    yield {
      code,
      loginUrl: `https://enquete.example.nl/c/${code}`,
      siteUrl: 'enquete.example.nl',
      name: `${FIRST[i % FIRST.length]!.charAt(0)}. ${LAST[(i * 7) % LAST.length]} ${i}`,
      addressLines: [
        `${STREETS[i % STREETS.length]} ${(i % 300) + 1}`,
        `${7500 + (i % 97)} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 3) % 26))}  ${town}`,
      ],
      language: i % 10 === 0 ? 'en' : 'nl',
      stratumName,
      closingDate: '20 december 2026',
      letterDate: '1 december 2026',
    }
  }
}

export function exampleTemplate(): LetterTemplate {
  const template = defaultTemplate('invitation')
  template.sender = {
    organisation: 'Gemeente Hengelo',
    department: 'Afdeling Werk en Inkomen',
    addressLines: ['Postbus 18', '7550 AA Hengelo', 'Telefoon 14 074'],
    returnAddress: 'Retouradres: Postbus 18, 7550 AA Hengelo',
  }
  template.signature = { name: 'A. de Vries', role: 'Manager Werk en Inkomen' }
  return template
}

/** The same words a letter prints, as one block of text per page. */
function pageText(letter: LetterData, template: LetterTemplate): string {
  const text = template.bodies[letter.language] ?? template.bodies.nl
  const values = {
    naam: letter.name,
    code: letter.code,
    url: letter.siteUrl,
    sluitingsdatum: letter.closingDate,
    gemeente: letter.stratumName,
  }
  return [
    template.sender.organisation,
    ...template.sender.addressLines,
    letter.name,
    ...letter.addressLines,
    letter.siteUrl,
    letter.code,
    mergeFields(text.subject, values).text,
    mergeFields(text.body, values).text,
    template.signature.name,
    template.signature.role,
  ].join('\n')
}

interface Timing {
  seconds: number
  /** CPU time of the process: steadier than wall time on a shared machine. */
  cpuSeconds: number
}

function timer(): () => Timing {
  const started = performance.now()
  const cpu = process.cpuUsage()
  return () => {
    const used = process.cpuUsage(cpu)
    return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 }
  }
}

function fastest<T extends Timing>(runs: T[]): T {
  return runs.reduce((best, run) => (run.seconds < best.seconds ? run : best))
}

async function baseline(letters: LetterData[], template: LetterTemplate): Promise<Timing> {
  const stop = timer()
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4' })
  const fonts = registerFonts(doc)
  const written = pipeline(doc, createWriteStream('/dev/null'))
  for (const letter of letters) {
    doc.addPage()
    doc.font(fonts.regular).fontSize(10).text(pageText(letter, template), 70, 70, { width: 455 })
  }
  doc.end()
  await written
  return stop()
}

async function batch(letters: Iterable<LetterData>, template: LetterTemplate): Promise<Timing & { pages: number }> {
  const stop = timer()
  const { pages } = await writeLetterBatch(letters, template, createWriteStream('/dev/null'))
  return { ...stop(), pages }
}

function* paperForms(count: number): Generator<PaperFormItem> {
  for (const letter of sampleLetters(count)) {
    yield {
      code: letter.code,
      lang: letter.language,
      stratumName: letter.stratumName,
      stratum: letter.stratumName.toLowerCase(),
    }
  }
}

async function paperBatch(count: number): Promise<Timing & { pages: number }> {
  const definition = loadKto()
  const stop = timer()
  const { pages } = await writePaperQuestionnaireBatch(definition, paperForms(count), createWriteStream('/dev/null'))
  return { ...stop(), pages }
}

export function* sampleSets(count: number): Generator<PrintSet> {
  for (const letter of sampleLetters(count))
    yield {
      letter,
      form: {
        code: letter.code,
        lang: letter.language,
        stratumName: letter.stratumName,
        stratum: letter.stratumName.toLowerCase(),
      },
    }
}

async function setsBatch(
  count: number,
  file = '/dev/null',
  onSet?: (n: number) => void,
): Promise<Timing & { pages: number }> {
  const definition = loadKto()
  const template = exampleTemplate()
  const stop = timer()
  const { pages } = await writePrintSets(sampleSets(count), template, createWriteStream(file), {
    definition,
    onProgress: onSet,
  })
  return { ...stop(), pages }
}

/** The same letters and forms as two files, one after the other: what the print shop got before. */
async function separateFiles(count: number): Promise<Timing & { pages: number }> {
  const definition = loadKto()
  const template = exampleTemplate()
  const stop = timer()
  const letters = await writeLetterBatch(sampleLetters(count), template, createWriteStream('/dev/null'))
  const forms = await writePaperQuestionnaireBatch(definition, paperForms(count), createWriteStream('/dev/null'))
  return { ...stop(), pages: letters.pages + forms.pages }
}

/** 20,000 sets with RSS sampled every 1,000 sets: the peak, and how much the last half grew over the first. */
async function childSetsRun(count: number): Promise<void> {
  const samples: number[] = []
  const { seconds, pages } = await setsBatch(count, '/dev/null', (n) => {
    if (n % 1000 === 0) samples.push(rssMb())
  })
  const half = Math.floor(samples.length / 2)
  const firstHalfPeak = Math.max(...samples.slice(0, half))
  const secondHalfPeak = Math.max(...samples.slice(half))
  process.stdout.write(
    `${JSON.stringify({ pages, seconds, peakMb: peakRssMb(), firstHalfPeak, secondHalfPeak, samples })}\n`,
  )
}

async function childRun(count: number): Promise<void> {
  const { seconds, pages } = await batch(sampleLetters(count), exampleTemplate())
  process.stdout.write(`${JSON.stringify({ pages, seconds, peakMb: peakRssMb() })}\n`)
}

function measureInChild(count: number): Promise<{ pages: number; seconds: number; peakMb: number }> {
  return runJsonChild(
    fileURLToPath(import.meta.url),
    ['--child', String(count)],
    `benchmark child for ${count} letters`,
  )
}

/** Bare pdfkit and Peiling's letters on the same letters, both warmed up first (font parsing, JIT). */
async function timeLettersAgainstBaseline() {
  const template = exampleTemplate()
  const letters = [...sampleLetters(SPEED_LETTERS)]
  await baseline(letters.slice(0, 100), template)
  await batch(letters.slice(0, 100), template)
  const base = await baseline(letters, template)
  const ours = await batch(letters, template)
  return { base, ours }
}

export async function benchLetters(options: { memoryRuns?: number[] } = {}): Promise<Record<string, number | string>> {
  const { base, ours } = await timeLettersAgainstBaseline()
  const result: Record<string, number | string> = {
    letters: SPEED_LETTERS,
    batchSeconds: round2(ours.seconds),
    batchCpuSeconds: round2(ours.cpuSeconds),
    lettersPerSecond: Math.round(SPEED_LETTERS / ours.seconds),
    baselineSeconds: round2(base.seconds),
    baselineCpuSeconds: round2(base.cpuSeconds),
    baselinePagesPerSecond: Math.round(SPEED_LETTERS / base.seconds),
    ratioToBaseline: round2(base.seconds / ours.seconds),
    ratioToBaselineCpu: round2(base.cpuSeconds / ours.cpuSeconds),
    // Other work on the machine slows wall time; this says how busy it was.
    loadAverage: round2(loadavg()[0] ?? 0),
    cpus: availableParallelism(),
  }
  await paperBatch(10)
  const paper = await paperBatch(PAPER_FORMS)
  Object.assign(result, {
    paperForms: PAPER_FORMS,
    paperPages: paper.pages,
    paperSeconds: round2(paper.seconds),
    paperFormsPerSecond: Math.round(PAPER_FORMS / paper.seconds),
    paperPagesPerSecond: Math.round(paper.pages / paper.seconds),
    paperRatioToBaseline: round2(paper.pages / paper.seconds / (SPEED_LETTERS / base.seconds)),
  })
  Object.assign(result, await benchSets())
  for (const count of options.memoryRuns ?? MEMORY_RUNS) {
    const run = await measureInChild(count)
    result[`peakMb_${count}`] = run.peakMb
    result[`seconds_${count}`] = round2(run.seconds)
  }
  return result
}

/** The collation check of a print file, timed: it must find nothing wrong in a good file. */
async function timeCheck(file: string): Promise<Record<string, number>> {
  const size = (await stat(file)).size
  // Loaded here, not at the top: the memory child (this file too) should not carry PDF.js.
  const { checkPrintFile } = await import('#src/print-check/index.ts')
  const stop = timer()
  const check = await checkPrintFile(await readFile(file))
  const checked = stop()
  if (check.problems.length > 0 || check.sets !== SETS) throw new Error('the check found problems in a good file')
  return {
    setsFileMb: round2(size / 1024 / 1024),
    checkPages: check.pages,
    checkSeconds: round2(checked.seconds),
    checkCpuSeconds: round2(checked.cpuSeconds),
  }
}

/** The check alone, on a 2,300-set file written for it (`--check`; `--check=FILE` checks a file written before). */
async function benchCheck(file?: string): Promise<Record<string, number | string>> {
  if (file) return { ...(await timeCheck(file)), loadAverage: round2(loadavg()[0] ?? 0) }
  const dir = await mkdtemp(path.join(tmpdir(), 'peiling-bench-check-'))
  try {
    const written = path.join(dir, 'sets.pdf')
    await setsBatch(SETS, written)
    return { ...(await timeCheck(written)), loadAverage: round2(loadavg()[0] ?? 0) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Letters alone against bare pdfkit, in one run. */
async function benchLetterSpeed(): Promise<Record<string, number | string>> {
  const { base, ours } = await timeLettersAgainstBaseline()
  return {
    batchSeconds: round2(ours.seconds),
    baselineSeconds: round2(base.seconds),
    ratioToBaseline: round2(base.seconds / ours.seconds),
    ratioToBaselineCpu: round2(base.cpuSeconds / ours.cpuSeconds),
  }
}

/**
 * Both paths warmed up, then timed in three turns (separate, then sets), the
 * fastest of each kept: the speed of this kind of shared machine wanders by a third
 * from one run to the next.
 */
async function timeSetsAgainstSeparate() {
  await separateFiles(50)
  await setsBatch(50)
  const separateRuns: Array<Timing & { pages: number }> = []
  const setRuns: Array<Timing & { pages: number }> = []
  for (let turn = 0; turn < 3; turn++) {
    separateRuns.push(await separateFiles(SETS))
    setRuns.push(await setsBatch(SETS))
  }
  return { separate: fastest(separateRuns), sets: fastest(setRuns) }
}

/**
 * The same comparison in a process of its own: run after the letter benchmarks in one
 * process, the sets (which hold a set's pages until it is complete) paid for the heap
 * those had left behind more than the separate files did (0.62× in one such run,
 * 0.78–0.82× alone).
 */
function timeSetsInChild() {
  return runJsonChild<Awaited<ReturnType<typeof timeSetsAgainstSeparate>>>(
    fileURLToPath(import.meta.url),
    ['--child-set-speed'],
    'benchmark child for the speed of sets',
  )
}

/** Collated sets against the two separate files, in one run. */
async function benchSetSpeed(): Promise<Record<string, number | string>> {
  const { separate, sets } = await timeSetsInChild()
  return {
    setsSeconds: round2(sets.seconds),
    separateSeconds: round2(separate.seconds),
    setsRatioToSeparate: round2(separate.seconds / sets.seconds),
    setsRatioToSeparateCpu: round2(separate.cpuSeconds / sets.cpuSeconds),
  }
}

function measureSetsInChild() {
  return runJsonChild<{
    pages: number
    seconds: number
    peakMb: number
    firstHalfPeak: number
    secondHalfPeak: number
    samples: number[]
  }>(fileURLToPath(import.meta.url), ['--child-sets', String(SET_MEMORY_RUN)], 'benchmark child for sets')
}

async function benchSets(): Promise<Record<string, number | string>> {
  const { separate, sets } = await timeSetsInChild()
  const dir = await mkdtemp(path.join(tmpdir(), 'peiling-bench-sets-'))
  try {
    const file = path.join(dir, 'sets.pdf')
    await setsBatch(SETS, file)
    const checked = await timeCheck(file)
    const memory = await measureSetsInChild()
    return {
      sets: SETS,
      setsPages: sets.pages,
      setsSeconds: round2(sets.seconds),
      setsPerSecond: Math.round(SETS / sets.seconds),
      separateSeconds: round2(separate.seconds),
      setsRatioToSeparate: round2(separate.seconds / sets.seconds),
      setsRatioToSeparateCpu: round2(separate.cpuSeconds / sets.cpuSeconds),
      ...checked,
      [`setsPeakMb_${SET_MEMORY_RUN}`]: memory.peakMb,
      [`setsRssFirstHalfPeakMb_${SET_MEMORY_RUN}`]: memory.firstHalfPeak,
      [`setsRssSecondHalfPeakMb_${SET_MEMORY_RUN}`]: memory.secondHalfPeak,
      [`setsSeconds_${SET_MEMORY_RUN}`]: round2(memory.seconds),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const childIndex = process.argv.indexOf('--child')
  const setsChildIndex = process.argv.indexOf('--child-sets')
  if (process.argv.includes('--child-set-speed')) {
    process.stdout.write(`${JSON.stringify(await timeSetsAgainstSeparate())}\n`)
  } else if (setsChildIndex >= 0) {
    await childSetsRun(Number(process.argv[setsChildIndex + 1]))
  } else if (childIndex >= 0) {
    await childRun(Number(process.argv[childIndex + 1]))
  } else if (process.argv.includes('--sets')) {
    console.table(await benchSets())
  } else if (process.argv.some((arg) => arg === '--check' || arg.startsWith('--check='))) {
    const file = process.argv.find((arg) => arg.startsWith('--check='))?.slice('--check='.length)
    const result = await benchCheck(file)
    console.table(result)
    console.log(Number(result.checkSeconds) < 30 ? 'Target met.' : 'Target NOT met: check < 30 s.')
  } else if (process.argv.includes('--letter-speed')) {
    console.table(await benchLetterSpeed())
  } else if (process.argv.includes('--set-speed')) {
    console.table(await benchSetSpeed())
  } else if (process.argv.includes('--set-memory')) {
    const { samples, ...memory } = await measureSetsInChild()
    console.table({ ...memory, samples: samples.join(' ') })
  } else {
    const memoryRuns = process.argv.includes('--quick') ? MEMORY_RUNS.slice(0, 1) : MEMORY_RUNS
    const result = await benchLetters({ memoryRuns })
    console.table(result)
    const ok =
      Number(result.batchSeconds) < 5 &&
      Number(result.ratioToBaseline) >= 1 &&
      memoryRuns.every((n) => Number(result[`peakMb_${n}`]) < 300) &&
      Number(result.setsRatioToSeparate) >= 0.8 &&
      Number(result[`setsPeakMb_${SET_MEMORY_RUN}`]) < 400 &&
      Number(result.checkSeconds) < 30
    console.log(
      ok
        ? 'All targets met.'
        : 'Targets NOT met: 2,300 letters < 5 s, >= 1.0× baseline, < 300 MB peak; sets >= 80% of separate files, < 400 MB peak, check < 30 s.',
    )
  }
}
