/**
 * The day a mailing was made is the day in the municipality's calendar (Europe/Amsterdam),
 * as the monitor marks it: a letter made at 00:30 in Hengelo is not dated the day before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { signedInAs } from '#test/helpers/staff.ts'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.close())

describe('mailing dates', () => {
  it('shows the Amsterdam day of a mailing made just after midnight, on every fieldwork page and the monitor', async () => {
    const round = await createRound(t.database.db, { participantsPerStratum: 1 })
    // 00:30 on 29 March 2026 in Amsterdam (CET) is still 28 March in UTC.
    const mailing = await t.database.db
      .insertInto('mailings')
      .values({
        round_id: round.roundId,
        kind: 'invitation',
        channel: 'letter',
        created_at: new Date('2026-03-28T23:30:00Z'),
        recipient_count: 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const researcher = await signedInAs(t.app, 'researcher')
    const base = `/beheer/rondes/${round.roundId}`
    for (const path of [
      `${base}/verzendingen`,
      `${base}/brieven`,
      `${base}/brieven/${mailing.id}`,
      `${base}/monitor`,
    ]) {
      const page = await researcher.visit(path)
      expect(page.statusCode, path).toBe(200)
      expect(page.body, path).toContain('29 maart 2026')
      expect(page.body, path).not.toContain('28 maart 2026')
    }
  })
})
