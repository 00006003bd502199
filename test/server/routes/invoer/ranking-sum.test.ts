/**
 * A paper form with a ranking and a constant sum, from the typist's keys to the data
 * set: the typist keys the numbers written next to the items; a rank written at two
 * items is coded like a double tick, a sum that is not the total is kept and flagged;
 * the export, its codebook and the SPSS syntax (run in PSPP) say so.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import readXlsxFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { runProgram } from '#test/helpers/programs.ts'
import { programsAvailable } from '#test/setup/environment.ts'
import { rankingSumDefinition } from '#test/questionnaire/ranking-sum.ts'

let t: TestApp
let round: RoundFixture
let researcher: Browser

const draftIdOf = (html: string) => /name="concept" value="([^"]+)"/.exec(html)?.[1] ?? ''
const decode = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'")

beforeAll(async () => {
  t = await createTestApp()
  round = await createRound(t.database.db, {
    definition: rankingSumDefinition(),
    participantsPerStratum: 2,
    strata: [{ code: 'borne', name: 'Borne' }],
  })
  // One online response beside the paper one, as the web form stores it.
  await t.database.db
    .insertInto('responses')
    .values({
      round_id: round.roundId,
      stratum_id: round.strata[0]!.id,
      mode: 'online',
      status: 'complete',
      answers: JSON.stringify({
        belangrijk_werk: 1,
        belangrijk_geld: 2,
        verdeling_bereikbaar: 70,
        verdeling_brieven: 30,
        verdeling_snelheid: 0,
        verdeling_vriendelijk: 0,
      }),
      language: 'nl',
    })
    .execute()
  researcher = await signedInAs(t.app, 'researcher')
})
afterAll(async () => t.close())

describe('a typist keys a ranking and a constant sum', () => {
  it('keys the written numbers; a repeated rank and a wrong sum are shown, then saved as on paper', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    const p = round.participants[0]!
    const opened = await typist.post('/invoer/formulier', { code: p.code })
    expect(opened.statusCode).toBe(200)
    const labels = [...opened.body.matchAll(/<label for="f-[^"]+" class="kf-label">([^<]+)/g)].map((m) => m[1])
    expect(labels).toEqual(['1', '2a', '2b', '2c', '2d', '2e', '3a', '3b', '3c', '3d', '4'])
    expect(opened.body).toContain(
      'Nummers of getallen die bij de onderdelen zijn geschreven: typ ze zoals ze er staan.',
    )
    // A rank is one keystroke from 1 to 3; an amount 0 to 100.
    expect(opened.body).toMatch(/id="f-belangrijk_geld"[^>]*data-kind="code" data-codes="1 2 3"/)
    expect(opened.body).toMatch(/id="h-f-belangrijk_geld">1–3</)
    expect(opened.body).toMatch(/id="h-f-verdeling_brieven">0 tot en met 100</)

    const fields = {
      concept: draftIdOf(opened.body),
      actie: 'opslaan',
      v_tevreden: '7',
      v_belangrijk_geld: '1',
      v_belangrijk_werk: '2',
      v_belangrijk_contact: '2',
      v_belangrijk_snel: '3',
      v_verdeling_bereikbaar: '50',
      v_verdeling_snelheid: '40',
    }
    const warned = await typist.post('/invoer/opslaan', fields)
    expect(warned.statusCode).toBe(422)
    const body = decode(warned.body)
    expect(body).toContain(
      'Vraag 2b: nummer 2 staat bij meer dan één onderdeel. Het wordt bewaard als "meer dan één antwoord".',
    )
    expect(body).toContain('Vraag 2c: nummer 2 staat bij meer dan één onderdeel.')
    expect(body).toContain(
      'Vraag 3: de getallen zijn samen 90 en niet 100. Ze worden bewaard zoals op papier en gemarkeerd.',
    )
    const confirmed = /name="bevestigd" value="([^"]+)"/.exec(warned.body)![1]!
    const saved = await typist.post('/invoer/opslaan', { ...fields, bevestigd: confirmed })
    expect(saved.statusCode).toBe(303)

    const response = await t.database.db
      .selectFrom('responses')
      .select(['answers', 'paper_coding'])
      .where('round_id', '=', round.roundId)
      .where('mode', '=', 'paper')
      .executeTakeFirstOrThrow()
    expect(response.answers).toEqual({
      tevreden: 7,
      belangrijk_geld: 1,
      belangrijk_snel: 3,
      verdeling_bereikbaar: 50,
      verdeling_snelheid: 40,
    })
    expect(response.paper_coding).toEqual({
      noCode: false,
      marks: { belangrijk_werk: 'multiple', belangrijk_contact: 'multiple' },
      invalid: {},
      outsideRouting: [],
      inconsistent: ['verdeling'],
    })
  })

  it('says so when a rank is skipped', async () => {
    const typist = await signedInAs(t.app, 'typist')
    await typist.visit('/invoer')
    const opened = await typist.post('/invoer/formulier', { code: round.participants[1]!.code })
    const fields = {
      concept: draftIdOf(opened.body),
      actie: 'opslaan',
      v_belangrijk_uitleg: '1',
      v_belangrijk_geld: '3',
    }
    const warned = await typist.post('/invoer/opslaan', fields)
    expect(decode(warned.body)).toContain('Vraag 2: de nummers zijn 1 3. Er is een nummer overgeslagen.')
    // Not saved: the draft is thrown away, this form is not part of the data set below.
    await typist.post('/invoer/weggooien', { concept: fields.concept })
  })
})

describe('the data set with a ranking and a constant sum', () => {
  async function download(format: string) {
    await researcher.visit(`/beheer/rondes/${round.roundId}/export`)
    return researcher.post(`/beheer/rondes/${round.roundId}/export`, { format })
  }
  const readCsv = (body: string) => parse(body.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][]

  it('has one column per item with its rank or amount; -1 where a rank is at two items; the flagged sum listed', async () => {
    const [header, ...rows] = readCsv((await download('csv')).body)
    const value = (row: string[], name: string) => row[header!.indexOf(name)]
    const paper = rows.find((r) => value(r, 'modus') === 'papier')!
    const online = rows.find((r) => value(r, 'modus') === 'online')!
    expect(['geld', 'werk', 'contact', 'uitleg', 'snel'].map((item) => value(paper, `belangrijk_${item}`))).toEqual([
      '1',
      '-1',
      '-1',
      '0',
      '3',
    ])
    expect(['geld', 'werk', 'contact', 'uitleg', 'snel'].map((item) => value(online, `belangrijk_${item}`))).toEqual([
      '2',
      '1',
      '0',
      '0',
      '0',
    ])
    expect(['bereikbaar', 'brieven', 'snelheid', 'vriendelijk'].map((i) => value(paper, `verdeling_${i}`))).toEqual([
      '50',
      '0',
      '40',
      '0',
    ])
    expect(value(paper, 'papier_afwijkend')).toBe(
      'verdeling_bereikbaar verdeling_brieven verdeling_snelheid verdeling_vriendelijk',
    )
    expect(value(online, 'papier_afwijkend')).toBe('')
  })

  it('describes each item in the codebook: the rank ordinal, 0 = no number, -1 = a number at two items', async () => {
    const codebook = readCsv((await download('codebook')).body)
    const werk = codebook.find((r) => r[0] === 'belangrijk_werk')!
    expect(werk.slice(1, 5)).toEqual([
      '2b',
      'Wat is voor u het belangrijkst bij de gemeente? Hulp bij het vinden van werk',
      'getal',
      'ordinaal',
    ])
    expect(werk[5]).toContain('0 = geen nummer gekregen')
    expect(werk[5]).toContain('-1 = Papier: hetzelfde nummer bij meer dan één onderdeel')
    expect(werk[6]).toBe('0, -1, -2, -3, -4')
    const brieven = codebook.find((r) => r[0] === 'verdeling_brieven')!
    expect(brieven.slice(1, 5)).toEqual([
      '3b',
      'Verdeel 100 punten over wat de gemeente moet verbeteren. Duidelijke brieven',
      'getal',
      'schaal',
    ])
    expect(brieven[5]).toContain('-1 = Papier: meer dan één antwoord aangekruist')
    expect(codebook.find((r) => r[0] === 'papier_afwijkend')![2]).toContain('rangorde of verdeling')
  })

  it('has the same in the XLSX workbook', async () => {
    const sheets = await readXlsxFile((await download('xlsx')).rawPayload)
    const [header, ...rows] = sheets[0]!.data
    const paper = rows.find((r) => r[header!.indexOf('modus')] === 'papier')!
    expect(paper[header!.indexOf('belangrijk_werk')]).toBe(-1)
    expect(paper[header!.indexOf('verdeling_snelheid')]).toBe(40)
    expect(sheets[1]!.data.some((r) => r[0] === 'belangrijk_werk')).toBe(true)
  })

  it.skipIf(!programsAvailable(['pspp'], 'pspp', 'Reading the SPSS syntax is'))(
    'reads in PSPP with the ranks ordinal and 0 and the paper codes missing: the mean rank leaves them out',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'peiling-pspp-'))
      writeFileSync(
        path.join(dir, `ronde-${round.roundId}-antwoorden-spss.csv`),
        (await download('spss-data')).rawPayload,
      )
      const syntax = (await download('spss')).body
      expect(syntax).toMatch(
        /\/belangrijk_werk 0 'geen nummer gekregen' -1 'Papier: hetzelfde nummer bij meer dan één onderdeel'/,
      )
      const commands = [
        'COMPUTE total = 1.',
        'AGGREGATE /OUTFILE=* /BREAK=total /geld=MEAN(belangrijk_geld) /ngeld=NU(belangrijk_geld) /werk=MEAN(belangrijk_werk) /nwerk=NU(belangrijk_werk) /brieven=MEAN(verdeling_brieven).',
        "SAVE TRANSLATE /OUTFILE='agg.csv' /TYPE=CSV /FIELDNAMES /REPLACE.",
      ].join('\r\n')
      writeFileSync(path.join(dir, 'run.sps'), `${syntax}\r\n${commands}\r\n`)
      const { stdout } = await runProgram('pspp', ['-o', path.join(dir, 'out.txt'), 'run.sps'], { cwd: dir })
      expect(readFileSync(path.join(dir, 'out.txt'), 'utf8') + stdout).not.toMatch(/error|warning/i)
      const [names, values] = parse(readFileSync(path.join(dir, 'agg.csv'), 'utf8'), { delimiter: ',' }) as string[][]
      const agg = Object.fromEntries(names!.map((name, i) => [name.toLowerCase(), Number(values![i])]))
      // geld: 1 (paper) and 2 (online); werk: -1 on paper is missing, so only the online 1 counts.
      expect(agg).toMatchObject({ geld: 1.5, ngeld: 2, werk: 1, nwerk: 1, brieven: 15 })
    },
  )

  it('shows per item on the results page how often it got each rank, and the mean amount', async () => {
    const page = await researcher.visit(`/beheer/rondes/${round.roundId}/resultaten`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Per onderdeel: welk nummer het kreeg')
    expect(page.body).toContain('id="r-belangrijk_geld"')
    expect(page.body).toContain('Gemiddeld nummer')
    expect(page.body).toContain('id="r-verdeling_brieven"')
  })
})
