import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ClientFileError, readClientFile } from '#src/server/services/fieldwork/client-file.ts'
import { readClientFileApart } from '#src/server/services/fieldwork/client-file-reader.ts'
import { CLIENT_FILES } from '#test/helpers/fixtures.ts'
import { xlsxBomb, xlsxWithEmptyRows } from './_zip-bomb.ts'
import { bigCsv } from './_big-csv.ts'

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )

describe('reading a client file in a worker', () => {
  it('gives what reading it here gives', async () => {
    const bytes = readFileSync(`${CLIENT_FILES}/clients-small.csv`)
    expect(await readClientFileApart(bytes)).toEqual(await readClientFile(bytes))
  })

  it("passes on the reader's own refusals, with their details", async () => {
    const failure = await failureOf(readClientFileApart(xlsxBomb()))
    expect(failure).toBeInstanceOf(ClientFileError)
    expect(failure).toMatchObject({ key: 'tooLargeUnpacked', params: { mb: 64 } })
  })

  it('says "too large or too complex" when the file exhausts the worker, and the server stays responsive', async () => {
    let ticks = 0
    const clock = setInterval(() => ticks++, 10)
    const started = Date.now()
    // 9 MB of CSV (95,000 lines) needs far more than a 32 MB heap to read.
    const failure = await failureOf(readClientFileApart(bigCsv(9), { heapMb: 32, timeoutMs: 60_000 }))
    clearInterval(clock)
    expect(failure).toMatchObject({ key: 'tooComplex' })
    // The main thread went on meanwhile: about one tick per 10 ms (at least a third of them on a busy machine).
    expect(ticks).toBeGreaterThan((Date.now() - started) / 10 / 3)
  })

  it('refuses a 19 MB CSV of 200,000 lines before reading it', async () => {
    const started = Date.now()
    const failure = await failureOf(readClientFileApart(bigCsv(19)))
    expect(failure).toMatchObject({ key: 'tooManyLines', params: { max: '100.000' } })
    console.log(`19 MB CSV refused in ${Date.now() - started} ms`)
  })

  it('refuses an XLSX of 2.5 MB with a million empty rows before a parser builds them', async () => {
    const xlsx = await xlsxWithEmptyRows(1_000_000)
    const started = Date.now()
    const failure = await failureOf(readClientFileApart(xlsx))
    expect(failure).toMatchObject({ key: 'tooManyLines' })
    console.log(
      `XLSX of ${(xlsx.length / 1e6).toFixed(1)} MB with a million empty rows refused in ${Date.now() - started} ms`,
    )
  })

  it('still reads an XLSX with a few empty rows', async () => {
    expect(await readClientFileApart(await xlsxWithEmptyRows(10))).toMatchObject({ header: ['klantnummer'], lines: [] })
  })

  it('gives up on a file that takes too long', async () => {
    const failure = await failureOf(readClientFileApart(bigCsv(5), { heapMb: 512, timeoutMs: 1 }))
    expect(failure).toMatchObject({ key: 'tooComplex' })
  })
})
