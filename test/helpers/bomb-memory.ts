/**
 * How much a process grows while it refuses a 1,000 MB zip bomb that claims to be small:
 * measured in a process of its own, because a test worker carries the memory of the
 * files it ran before. `measureBomb('zip')` checks the bare archive limits,
 * `measureBomb('workbook')` reads it as a questionnaire workbook.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

export type BombReader = 'zip' | 'workbook'

export interface BombMeasure {
  /** What the reader answered: the zip problem, or the workbook's fault messages. */
  result: unknown
  packedMb: number
  growthMb: number
}

const MB = 1024 * 1024

export async function measureBomb(reader: BombReader): Promise<BombMeasure> {
  const { stdout } = await promisify(execFile)(process.execPath, [fileURLToPath(import.meta.url), reader], {
    encoding: 'utf8',
  })
  return JSON.parse(stdout) as BombMeasure
}

async function measureHere(reader: BombReader): Promise<BombMeasure> {
  // Everything loaded before the first measure: loading code is not what is measured.
  const { xlsxBomb } = await import('#test/server/services/fieldwork/_zip-bomb.ts')
  const { checkZipLimits } = await import('#src/files/zip-limits.ts')
  const { readQuestionnaireWorkbook } = await import('#src/questionnaire/xlsform/index.ts')
  const bomb = xlsxBomb(1000)
  const before = process.memoryUsage().rss
  let result: unknown
  if (reader === 'zip') {
    result = await checkZipLimits(bomb, { maxUnpackedBytes: 64 * MB, maxEntries: 200 })
  } else {
    const read = await readQuestionnaireWorkbook(bomb)
    result = read.ok ? 'read' : read.errors.map((e) => e.message)
  }
  return { result, packedMb: bomb.length / MB, growthMb: (process.memoryUsage().rss - before) / MB }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measureHere(process.argv[2] as BombReader)))
}
