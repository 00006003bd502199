import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { createRound, daysFromToday } from '#test/helpers/fixtures.ts'
import { createPrintableRound } from '#test/helpers/letters.ts'
import { effectiveTemplate } from '#src/server/services/fieldwork/letter-templates.ts'

let t: TestApp
let researcher: Browser

beforeAll(async () => {
  // A public HTTPS address, as a server that prints letters has.
  t = await createTestApp({ publicUrl: 'https://peiling.gemeente-hengelo.nl' })
  researcher = await signedInAs(t.app, 'researcher')
})
afterAll(async () => t.close())

interface ShownStep {
  state: string
  next: boolean
  text: string
  links: string[]
}

/** The checklist as a reader gets it: per step title its state, text and links. */
async function checklistOf(roundId: number): Promise<Map<string, ShownStep>> {
  const page = await researcher.visit(`/beheer/rondes/${roundId}`)
  expect(page.statusCode).toBe(200)
  const steps = new Map<string, ShownStep>()
  for (const m of page.body.matchAll(/<li class="step-(\w+)( next-step)?"[^>]*>([\s\S]*?)<\/li>/g)) {
    const html = m[3]!
    const text = html
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
    const title = /<strong>([^<]+)<\/strong>/.exec(html)![1]!
    steps.set(title, {
      state: /<span class="step-state">([^<]+)<\/span>/.exec(html)![1]!,
      next: Boolean(m[2]),
      text,
      links: [...html.matchAll(/href="([^"]+)"/g)].map((l) => l[1]!),
    })
  }
  return steps
}

describe('the checklist on the round page', () => {
  it('shows a fresh round: nothing imported, no sample, no letters, not open, and the next step marked', async () => {
    const round = await createRound(t.database.db, { status: 'draft', participantsPerStratum: 0 })
    await t.database.db.updateTable('rounds').set({ reminder_on: null }).where('id', '=', round.roundId).execute()
    const steps = await checklistOf(round.roundId)
    expect([...steps.keys()]).toEqual([
      'Brieven compleet',
      'Internetadres op de brief',
      'Klanten geïmporteerd',
      'Steekproef getrokken',
      'Brieven gemaakt',
      'Ronde open',
      'Herinnering gepland',
    ])
    const base = `/beheer/rondes/${round.roundId}`
    expect(steps.get('Internetadres op de brief')).toMatchObject({ state: 'Klaar', links: [] })
    expect(steps.get('Internetadres op de brief')!.text).toContain('https://peiling.gemeente-hengelo.nl')
    expect(steps.get('Klanten geïmporteerd')).toMatchObject({ state: 'Nog te doen', links: [`${base}/import`] })
    expect(steps.get('Klanten geïmporteerd')!.text).toContain('Er zijn nog geen klanten geïmporteerd.')
    expect(steps.get('Steekproef getrokken')).toMatchObject({ state: 'Nog te doen', next: false })
    expect(steps.get('Brieven gemaakt')).toMatchObject({ state: 'Nog te doen', links: [`${base}/brieven`] })
    expect(steps.get('Ronde open')).toMatchObject({ state: 'Nog te doen', links: [`${base}/openen`] })
    expect(steps.get('Herinnering gepland')).toMatchObject({ state: 'Nog te doen', links: ['#settings-title'] })
    // Exactly one step is the next one, and it says so in words, not only by its colour.
    const next = [...steps.values()].filter((s) => s.next)
    expect(next).toHaveLength(1)
    expect(next[0]!.text).toMatch(/^Volgende stap:/)
    expect(['Nog te doen', 'Niet in orde']).toContain(next[0]!.state)
  })

  it('says the letters are complete only when printing would accept them', async () => {
    // The built-in templates have placeholders (no logo, a department as signatory): printing refuses them.
    const plain = await createRound(t.database.db, { status: 'draft', participantsPerStratum: 0 })
    const refused = (await checklistOf(plain.roundId)).get('Brieven compleet')!
    expect(refused.state).toBe('Niet in orde')
    for (const s of plain.strata) expect(refused.text).toContain(`${s.name} (uitnodiging)`)

    const printable = await createPrintableRound(t.database.db, { status: 'draft', participantsPerStratum: 0 })
    expect((await checklistOf(printable.roundId)).get('Brieven compleet')).toMatchObject({ state: 'Klaar' })
  })

  it('names the municipality and letter whose template is not complete', async () => {
    const round = await createPrintableRound(t.database.db, { status: 'draft', participantsPerStratum: 0 })
    const hengelo = round.strata.find((s) => s.name === 'Hengelo')!
    const { template } = await effectiveTemplate(t.database.db, round.roundId, hengelo.id, 'reminder')
    await t.database.db
      .insertInto('letter_templates')
      .values({
        round_id: round.roundId,
        stratum_id: hengelo.id,
        kind: 'reminder',
        content: JSON.stringify({
          sender: { ...template.sender, organisation: '' },
          signature: template.signature,
          bodies: template.bodies,
          addressWindow: template.addressWindow,
        }),
      })
      .execute()
    const step = (await checklistOf(round.roundId)).get('Brieven compleet')!
    expect(step.state).toBe('Niet in orde')
    expect(step.text).toContain('Hengelo (herinnering)')
    expect(step.next).toBe(true)
    expect(step.links).toEqual([`/beheer/rondes/${round.roundId}/brieven`])
  })

  it('shows clients, sample, letters, the open round and the reminder day once they are there', async () => {
    const round = await createRound(t.database.db, { status: 'open', participantsPerStratum: 2 })
    await t.database.db
      .updateTable('rounds')
      .set({ reminder_on: daysFromToday(14) })
      .where('id', '=', round.roundId)
      .execute()
    await t.database.db
      .insertInto('samples')
      .values(
        round.strata.map((s) => ({
          round_id: round.roundId,
          stratum_id: s.id,
          method: 'everyone' as const,
          population: 2,
          selected: 2,
          seed: 1,
          population_sha256: '0'.repeat(64),
        })),
      )
      .execute()
    const before = await checklistOf(round.roundId)
    expect(before.get('Klanten geïmporteerd')).toMatchObject({ state: 'Klaar' })
    expect(before.get('Klanten geïmporteerd')!.text).toContain('6 klanten geïmporteerd.')
    expect(before.get('Steekproef getrokken')!.text).toContain('6 klanten in de steekproef.')
    expect(before.get('Brieven gemaakt')).toMatchObject({ state: 'Nog te doen' })
    // An open round is not opened again: no link.
    expect(before.get('Ronde open')).toMatchObject({ state: 'Klaar', links: [] })
    expect(before.get('Herinnering gepland')).toMatchObject({ state: 'Klaar' })
    expect(before.get('Herinnering gepland')!.text).toMatch(/De herinnering is gepland op \d{1,2} \w+ \d{4}\./)

    await t.database.db
      .insertInto('mailings')
      .values({ round_id: round.roundId, kind: 'invitation', channel: 'letter', recipient_count: 6 })
      .execute()
    const after = await checklistOf(round.roundId)
    expect(after.get('Brieven gemaakt')).toMatchObject({ state: 'Klaar' })
    expect(after.get('Brieven gemaakt')!.text).toContain('Uitnodigingen gemaakt voor 6 mensen.')
  })

  it('is not shown once the round is closed', async () => {
    const round = await createRound(t.database.db, { status: 'closed', participantsPerStratum: 0 })
    const page = await researcher.visit(`/beheer/rondes/${round.roundId}`)
    expect(page.body).not.toContain('Stappen van de ronde')
  })
})
