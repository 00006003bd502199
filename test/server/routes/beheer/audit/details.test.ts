/**
 * The audit log reads in the screen's language: what the services write for a round,
 * an import, a sample and an export shows with Dutch labels and values, never the
 * stored keys and codes.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { CLIENT_FILES, daysFromToday } from '#test/helpers/fixtures.ts'
import { AUDIT_ACTIONS, AUDIT_DETAIL_KEYS } from '#src/server/services/audit/audit.ts'
import { isMessageKey, translator } from '#src/i18n/translate.ts'
import { installShippedQuestionnaires } from '#src/server/services/rounds/questionnaire-library.ts'
import type { RoundInput } from '#src/server/services/rounds/rounds.ts'
import { closeRound, createRound, openRound, updateRound } from '#src/server/services/rounds/rounds.ts'
import { readClientFile } from '#src/server/services/fieldwork/client-file.ts'
import {
  checkClientFile,
  importClients,
  loadRoundForImport,
  stageImport,
} from '#src/server/services/fieldwork/client-import.ts'
import type { StratumPlan } from '#src/server/services/fieldwork/sample.ts'
import { confirmSample, drawSample } from '#src/server/services/fieldwork/sample.ts'
import { exportFile } from '#src/server/services/reporting/export-files.ts'

let t: TestApp
let admin: Browser
let roundId: number
const actor = { id: null, username: 'anna' }
const nl = translator('nl')

beforeAll(async () => {
  t = await createTestApp()
  admin = await signedInAs(t.app, 'administrator')
  const db = t.database.db
  const questionnaireId = [...(await installShippedQuestionnaires(db)).values()][0]!
  const input: RoundInput = {
    name: 'KTO najaar',
    questionnaireId,
    strata: ['Hengelo', 'Haaksbergen', 'Borne'],
    opensOn: daysFromToday(0),
    closesOn: daysFromToday(28),
    reminderOn: null,
    retentionUntil: daysFromToday(120),
    doubleKeying: false,
    minGroupSize: 5,
    releaseBatchSize: 10,
    countOutsideRouting: true,
    veryReliablePercent: 95,
    reliablePercent: 90,
  }
  roundId = await createRound(db, actor, input)
  await updateRound(db, actor, roundId, { ...input, name: 'KTO najaar 2026', closesOn: daysFromToday(30) })

  const check = checkClientFile(
    await readClientFile(readFileSync(path.join(CLIENT_FILES, 'clients-small.csv'))),
    await loadRoundForImport(db, roundId),
  )
  await stageImport(db, roundId, 'clients-small.csv', check, actor)
  await importClients(db, roundId, check, { skipProblems: false, actor })

  await openRound(db, actor, roundId)
  const round = await loadRoundForImport(db, roundId)
  const hengelo = round.strata.find((s) => s.name === 'Hengelo')!
  const plan: StratumPlan[] = round.strata.map((s) =>
    s.id === hengelo.id ? { stratumId: s.id, method: 'random', size: 5 } : { stratumId: s.id, method: 'everyone' },
  )
  const draw = await drawSample(db, roundId, plan, 2022)
  await confirmSample(
    db,
    roundId,
    plan,
    2022,
    Object.fromEntries(draw.map((d) => [d.stratumId, d.populationSha256])),
    actor,
  )

  await exportFile(db, actor, roundId, 'spss', { includePartial: false }, nl, 'nl')
  await exportFile(db, actor, roundId, 'csv', { includePartial: true }, nl, 'nl')
  await closeRound(db, actor, roundId)
})
afterAll(async () => t.close())

/** Action label and details of every entry on the page, newest first. */
async function entriesOn(url: string): Promise<Array<{ action: string; label: string; details: string }>> {
  const html = (await admin.visit(url)).body
  return [
    ...html.matchAll(
      /<tr data-action="([^"]+)">\s*<td>[^<]*<\/td>\s*<td>[^<]*<\/td>\s*<td>([^<]*)<\/td>\s*<td>[^<]*<\/td>\s*<td class="details">([^<]*)<\/td>/g,
    ),
  ].map((m) => ({ action: m[1]!, label: m[2]!, details: m[3]! }))
}

describe('audit details in Dutch', () => {
  it('shows a round change, an import, a sample and an export in Dutch words', async () => {
    const entries = await entriesOn(`/beheer/audit?ronde=${roundId}`)
    const of = (action: string) => entries.filter((e) => e.action === action).map((e) => `${e.label} | ${e.details}`)
    expect(of('round.create')).toEqual([
      expect.stringMatching(/^Ronde gemaakt \| naam: KTO najaar, vragenlijst: nr\. \d+, gemeenten: 3$/),
    ])
    expect(of('round.update')).toEqual(['Instellingen van ronde gewijzigd | gewijzigd: naam, sluitdatum'])
    expect(of('import.upload')).toEqual(['Klantbestand gecontroleerd | regels: 20, foute regels: 0'])
    expect(of('import.clients')).toEqual([
      'Klanten ingelezen | ingelezen: 20, overgeslagen regels: 0, per gemeente: Borne 3, Haaksbergen 5, Hengelo 12',
    ])
    expect(of('round.open')).toEqual(['Ronde geopend | '])
    expect(of('sample.confirm')).toEqual([
      'Steekproef vastgelegd | startgetal: 2022, gemeenten: Hengelo 5 van 12 (aselect); Haaksbergen 5 van 5 (iedereen); Borne 3 van 3 (iedereen)',
    ])
    expect(of('export.download')).toEqual([
      'Antwoorden gedownload | formaat: CSV, met onvolledige: ja, regels: 0',
      'Antwoorden gedownload | formaat: SPSS, met onvolledige: nee',
    ])
    expect(of('round.close')).toEqual(['Ronde gesloten | onvolledige antwoorden bewaard: 0'])
  })

  it('leaves no stored key, code or JSON in any entry', async () => {
    const entries = await entriesOn(`/beheer/audit?ronde=${roundId}`)
    expect(entries.length).toBeGreaterThanOrEqual(9)
    // Keys whose Dutch label is the same word (logo, account) cannot give anything away.
    const englishKeys = AUDIT_DETAIL_KEYS.filter((key) => nl(`management.audit.details.labels.${key}`) !== key)
    for (const { action, label, details } of entries) {
      expect(label).not.toBe(action)
      for (const key of englishKeys) expect(details).not.toMatch(new RegExp(`\\b${key}:`))
      expect(details).not.toMatch(/\b(true|false|null|random|everyone|spss|csv)\b|[{}[\]"]/)
    }
  })
})

describe('the texts behind the audit log', () => {
  it('has a Dutch and an English label for every action and every detail key the code writes', () => {
    const en = translator('en')
    for (const action of AUDIT_ACTIONS) {
      const key = `management.audit.actions.${action.replace(/\./g, '_')}`
      if (!isMessageKey(key)) throw new Error(`no text for ${key}`)
      expect(nl(key)).not.toBe(en(key))
    }
    for (const detail of AUDIT_DETAIL_KEYS) expect(isMessageKey(`management.audit.details.labels.${detail}`)).toBe(true)
  })
})
