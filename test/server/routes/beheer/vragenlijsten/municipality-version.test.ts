/**
 * A municipality's own question, from the file to the data set: a researcher downloads
 * the KTO, adds a question of the municipality's own (with its own concept key), uploads
 * it as a new version and runs a round with it. A client answers it online, a typist keys
 * it from paper, and the export, its codebook and the SPSS syntax (read by PSPP) carry it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import { definitionToYaml } from '#src/questionnaire/definition-yaml.ts'
import { releaseWaitingResponses } from '#src/server/services/responses/release-responses.ts'
import { installShippedQuestionnaires } from '#src/server/services/rounds/questionnaire-library.ts'
import type { TestApp } from '#test/helpers/app.ts'
import { Browser, createTestApp, csrfTokenOf } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { runProgram } from '#test/helpers/programs.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { loadKto } from '#test/questionnaire/kto.ts'
import { upload } from '#test/server/routes/beheer/rondes/_roundId/import/_upload.ts'
import { programsAvailable } from '#test/setup/environment.ts'

let t: TestApp
let researcher: Browser
let round: RoundFixture
const VERSION = 9

beforeAll(async () => {
  t = await createTestApp()
  await installShippedQuestionnaires(t.database.db)
  researcher = await signedInAs(t.app, 'researcher')
})
afterAll(async () => t.close())

describe("a version with the municipality's own question", () => {
  it('is uploaded from the edited download and shown as an added question', async () => {
    const kto = loadKto()
    const download = await researcher.get(`/beheer/vragenlijsten/kto-participatiewet/${kto.version}/bestand/yaml`)
    const edited = parseYaml(download.body) as QuestionnaireDefinition
    edited.version = VERSION
    edited.sections.at(-1)!.questions.push({
      id: 'wijkteam',
      number: 'G1',
      type: 'yesno',
      concept: 'hengelo_wijkteam',
      text: { nl: 'Kent u het wijkteam in uw buurt?' },
    })
    await researcher.visit('/beheer/vragenlijsten')
    const stored = await upload(
      researcher,
      '/beheer/vragenlijsten',
      {},
      { bestand: { name: 'kto-hengelo.yaml', data: definitionToYaml(edited) } },
    )
    expect(stored.statusCode).toBe(303)
    const page = await researcher.visit(
      `/beheer/vragenlijsten/kto-participatiewet/${VERSION}?tegen=kto-participatiewet:${kto.version}`,
    )
    expect(page.body).toContain('Kent u het wijkteam in uw buurt?')
    const row = await t.database.db
      .selectFrom('questionnaires')
      .select('definition')
      .where('key', '=', 'kto-participatiewet')
      .where('version', '=', VERSION)
      .executeTakeFirstOrThrow()
    round = await createRound(t.database.db, {
      definition: row.definition,
      participantsPerStratum: 2,
      strata: [{ code: 'hengelo', name: 'Hengelo' }],
    })
  })

  it('is answered online and keyed from paper', async () => {
    const client = new Browser(t.app)
    await client.visit(`/c/${round.participants[0]!.code}`)
    const lastSection = loadKto().sections.at(-1)!.id
    let pageId = ''
    for (const id of [lastSection, `${lastSection}-2`, `${lastSection}-3`]) {
      const candidate = await client.visit(`/vragenlijst/deel/${id}`)
      if (candidate.body.includes('name="wijkteam"')) {
        pageId = id
        break
      }
    }
    expect(pageId).not.toBe('')
    await client.submit(`/vragenlijst/deel/${pageId}`, { wijkteam: '1', action: 'review' })
    const overview = await client.visit('/vragenlijst/overzicht')
    const sent = await client.post('/vragenlijst/verzenden', {}, { csrf: csrfTokenOf(overview.body) })
    expect(sent.headers.location).toBe('/vragenlijst/bedankt')

    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    const opened = await typist.post('/invoer/formulier', { code: round.participants[1]!.code })
    expect(opened.body).toContain('Kent u het wijkteam in uw buurt?')
    const draft = /name="concept" value="([^"]+)"/.exec(opened.body)![1]!
    const fields = { concept: draft, actie: 'opslaan', v_wijkteam: '2' }
    let saved = await typist.post('/invoer/opslaan', fields)
    if (saved.statusCode === 422) {
      const confirmed = /name="bevestigd" value="([^"]+)"/.exec(saved.body)![1]!
      saved = await typist.post('/invoer/opslaan', { ...fields, bevestigd: confirmed })
    }
    expect(saved.statusCode).toBe(303)
    await releaseWaitingResponses(t.database.db, round.roundId)
  })

  async function download(format: string) {
    await researcher.visit(`/beheer/rondes/${round.roundId}/export`)
    return researcher.post(`/beheer/rondes/${round.roundId}/export`, { format })
  }
  const readCsv = (body: string) => parseCsv(body.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][]

  it('is in the export with its codebook entry, the online answer and the paper one', async () => {
    const [header, ...rows] = readCsv((await download('csv')).body)
    const column = header!.indexOf('wijkteam')
    expect(column).toBeGreaterThan(0)
    const byMode = Object.fromEntries(rows.map((r) => [r[header!.indexOf('modus')], r[column]]))
    expect(byMode).toEqual({ online: '1', papier: '2' })
    const codebook = readCsv((await download('codebook')).body)
    const entry = codebook.find((r) => r[0] === 'wijkteam')!
    expect(entry.slice(1, 3)).toEqual(['G1', 'Kent u het wijkteam in uw buurt?'])
  })

  it.skipIf(!programsAvailable(['pspp'], 'pspp', 'Reading the SPSS syntax is'))(
    'is read by PSPP from the SPSS syntax with its label',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'peiling-pspp-'))
      writeFileSync(
        path.join(dir, `ronde-${round.roundId}-antwoorden-spss.csv`),
        (await download('spss-data')).rawPayload,
      )
      const syntax = (await download('spss')).body
      expect(syntax).toMatch(/\/wijkteam '[^']*Kent u het wijkteam in uw buurt\?'/)
      const commands = [
        'COMPUTE total = 1.',
        'AGGREGATE /OUTFILE=* /BREAK=total /codes=SUM(wijkteam) /n=NU(wijkteam).',
        "SAVE TRANSLATE /OUTFILE='agg.csv' /TYPE=CSV /FIELDNAMES /REPLACE.",
      ].join('\r\n')
      writeFileSync(path.join(dir, 'run.sps'), `${syntax}\r\n${commands}\r\n`)
      const { stdout } = await runProgram('pspp', ['-o', path.join(dir, 'out.txt'), 'run.sps'], { cwd: dir })
      expect(readFileSync(path.join(dir, 'out.txt'), 'utf8') + stdout).not.toMatch(/error|warning/i)
      const [names, values] = parseCsv(readFileSync(path.join(dir, 'agg.csv'), 'utf8'), {
        delimiter: ',',
      }) as string[][]
      const agg = Object.fromEntries(names!.map((name, i) => [name.toLowerCase(), Number(values![i])]))
      expect(agg).toMatchObject({ codes: 3, n: 2 }) // ja (1) online and nee (2) on paper
    },
  )
})
