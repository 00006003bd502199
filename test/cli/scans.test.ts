import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommand } from './_run-command.ts'
import { testConfig } from '#test/helpers/app.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { RefusedError, UsageError } from '#src/cli/command.ts'
import { scansCommand } from '#src/cli/commands/scans.ts'
import { PRINTABLE_URL } from '#test/helpers/letters.ts'
import { renderToolsAvailable } from '#test/mailmerge/pdf-tools.ts'
import type { PrintedForms } from '#test/server/services/scans/_scans.ts'
import { blankPage, imagePdf, printedForms } from '#test/server/services/scans/_scans.ts'

const canRender = renderToolsAvailable()
let handle: DatabaseHandle
let forms: PrintedForms
const dir = mkdtempSync(path.join(tmpdir(), 'peiling-cli-scans-'))

beforeAll(async () => {
  handle = await createTestDatabase()
  if (canRender) forms = await printedForms(handle.db, testConfig({ publicUrl: PRINTABLE_URL }), 2)
}, 60_000)
afterAll(async () => handle.close())

function run(args: string[]): Promise<string> {
  return runCommand('scans', args, { config: testConfig(), database: async () => handle })
}

describe.skipIf(!canRender)('npm run peiling -- scans import', () => {
  it('stores and reads each file, and says per file what was read, what could not be used and what is ready', async () => {
    const [first, second] = [...forms.pagesOf.values()]
    const a = path.join(dir, 'stapel-1.pdf')
    const b = path.join(dir, 'stapel-2.png')
    writeFileSync(a, await imagePdf([first![1]!, await blankPage(), first![0]!, second![0]!]))
    writeFileSync(b, second![1]!)
    const printed = await run(['import', '--round', String(forms.round.roundId), a, b])
    expect(printed).toBe(
      [
        'stapel-1.pdf: 4 pages stored, 4 read, 1 with a problem, 1 forms ready to check.',
        '  Pagina 2 van het bestand: De vier zwarte blokjes in de hoeken zijn niet gevonden. Is dit een formulier van deze peiling, en staat de hele pagina op de scan?',
        // The second form's last page came in the second file.
        'stapel-2.png: 1 pages stored, 1 read, 0 with a problem, 1 forms ready to check.',
        '',
      ].join('\n'),
    )
    const ready = await handle.db.selectFrom('scan_forms').select('status').where('status', '=', 'ready').execute()
    expect(ready).toHaveLength(2)
  })

  it('refuses a file that is not a scan, in Dutch, and goes on with the others', async () => {
    const bad = path.join(dir, 'klanten.csv')
    writeFileSync(bad, 'klantnummer;naam\n1;Jansen\n')
    const good = path.join(dir, 'leeg.png')
    writeFileSync(good, await blankPage())
    const before = (await handle.db.selectFrom('scan_batches').select('id').execute()).length
    let printed = ''
    const out = new PassThrough().on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')))
    const error = await scansCommand
      .run(['import', '--round', String(forms.round.roundId), bad, good], {
        config: testConfig(),
        database: async () => handle,
        out,
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RefusedError)
    expect(printed).toContain('klanten.csv: Dit bestand is geen scan. Upload een PDF, TIFF, PNG of JPEG.\n')
    expect(printed).toContain('leeg.png: 1 pages stored, 1 read, 1 with a problem')
    expect((await handle.db.selectFrom('scan_batches').select('id').execute()).length).toBe(before + 1)
  })

  it('explains wrong use', async () => {
    await expect(run(['import', '--round', String(forms.round.roundId)])).rejects.toThrow(UsageError)
    await expect(run(['lees', 'x.pdf'])).rejects.toThrow(UsageError)
    await expect(run(['import', 'x.pdf'])).rejects.toThrow('--round')
  })
})
