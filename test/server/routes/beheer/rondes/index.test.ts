import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'
import { signedInAs } from '#test/helpers/staff.ts'
import { createRound, daysFromToday } from '#test/helpers/fixtures.ts'
import { installShippedQuestionnaires } from '#src/server/services/rounds/questionnaire-library.ts'

let t: TestApp
let researcher: Browser & { userId: number; username: string }
let questionnaireId: number

beforeAll(async () => {
  t = await createTestApp()
  questionnaireId = (await installShippedQuestionnaires(t.database.db)).get('kto-participatiewet')!
  researcher = await signedInAs(t.app, 'researcher')
})
afterAll(async () => t.close())

function roundForm(overrides: Record<string, string> = {}) {
  return {
    name: 'KTO najaar',
    questionnaireId: String(questionnaireId),
    strata: 'Hengelo\nHaaksbergen\n\nBorne',
    opensOn: daysFromToday(1),
    closesOn: daysFromToday(29),
    reminderOn: daysFromToday(15),
    retentionUntil: daysFromToday(120),
    minGroupSize: '5',
    ...overrides,
  }
}

async function auditActions(roundId: number) {
  return (
    await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('round_id', '=', roundId)
      .orderBy('id')
      .execute()
  ).map((a) => a.action)
}

describe('setting up a round', () => {
  it('creates a draft round with its municipalities, and logs it', async () => {
    await researcher.visit('/beheer/rondes/nieuw')
    expect(researcher.lastPage).toContain('KTO Participatiewet')
    const page = await researcher.submit('/beheer/rondes', { ...roundForm(), doubleKeying: '1' })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('De ronde is gemaakt')
    expect(page.body).toContain('In voorbereiding')
    const round = await t.database.db
      .selectFrom('rounds')
      .selectAll()
      .where('name', '=', 'KTO najaar')
      .executeTakeFirstOrThrow()
    expect(round).toMatchObject({
      status: 'draft',
      questionnaire_id: questionnaireId,
      double_keying: true,
      reminder_on: daysFromToday(15),
      retention_until: daysFromToday(120),
      min_group_size: 5,
    })
    const strata = await t.database.db
      .selectFrom('strata')
      .select(['code', 'name'])
      .where('round_id', '=', round.id)
      .orderBy('id')
      .execute()
    expect(strata).toEqual([
      { code: 'hengelo', name: 'Hengelo' },
      { code: 'haaksbergen', name: 'Haaksbergen' },
      { code: 'borne', name: 'Borne' },
    ])
    expect(await auditActions(round.id)).toEqual(['round.create'])
  })

  it('names every wrong field in Dutch and keeps what was typed', async () => {
    await researcher.visit('/beheer/rondes/nieuw')
    const page = await researcher.post(
      '/beheer/rondes',
      roundForm({
        name: '',
        strata: 'Hengelo\nhengelo',
        closesOn: daysFromToday(0),
        opensOn: '2026-02-30',
        retentionUntil: '',
        minGroupSize: '1',
        releaseBatchSize: '2',
      }),
    )
    expect(page.statusCode).toBe(422)
    expect(page.body).toContain('Vul een naam in.')
    expect(page.body).toContain('Regel 2: &quot;hengelo&quot; staat er al.')
    expect(page.body).toContain('Dit is geen geldige datum')
    expect(page.body).toContain('Vul een heel getal in van 3 tot en met 100.')
    expect(page.body).toContain('Vul een heel getal in van 5 tot en met 1000.')
    expect(page.body).toContain('href="#retentionUntil"')
    expect(page.body).toContain('Hengelo\nhengelo</textarea>')
    const page2 = await researcher.post(
      '/beheer/rondes',
      roundForm({ closesOn: daysFromToday(0), reminderOn: daysFromToday(40) }),
    )
    expect(page2.body).toContain('De sluitdatum ligt voor de openingsdatum.')
    expect(page2.body).toContain('De herinnering moet tussen de opening en de sluiting vallen.')
  })

  it('shows markup in a round name as text', async () => {
    await researcher.visit('/beheer/rondes/nieuw')
    const page = await researcher.submit('/beheer/rondes', roundForm({ name: '<script>alert(1)</script> KTO' }))
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; KTO')
    expect(page.body).not.toContain('<script>alert(1)')
  })

  it('changes settings and municipalities while a draft, and freezes the questionnaire once open', async () => {
    await researcher.visit('/beheer/rondes/nieuw')
    await researcher.submit('/beheer/rondes', roundForm({ name: 'Bevriezen' }))
    const round = await t.database.db
      .selectFrom('rounds')
      .select('id')
      .where('name', '=', 'Bevriezen')
      .executeTakeFirstOrThrow()
    const url = `/beheer/rondes/${round.id}`
    const saved = await researcher.submit(url, roundForm({ name: 'Bevriezen', strata: 'Hengelo\nBorne\nLosser' }))
    expect(saved.body).toContain('De instellingen zijn opgeslagen.')
    expect(
      (
        await t.database.db.selectFrom('strata').select('name').where('round_id', '=', round.id).orderBy('id').execute()
      ).map((s) => s.name),
    ).toEqual(['Hengelo', 'Borne', 'Losser'])

    const other = await t.database.db
      .insertInto('questionnaires')
      .values({
        key: 'ander',
        version: 1,
        title: 'Andere vragenlijst',
        definition: JSON.stringify({
          id: 'ander',
          version: 1,
          title: { nl: 'Ander' },
          languages: ['nl'],
          sections: [],
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    // The round page's button leads to a page that says what opening does; only the ticked box opens.
    await researcher.visit(url)
    expect(researcher.lastPage).toContain(`href="${url}/openen"`)
    const confirmation = await researcher.visit(`${url}/openen`)
    expect(confirmation.body).toContain('Er is nog geen steekproef. Niemand heeft dus een code.')
    expect(confirmation.body).toContain('De vragenlijst en de gemeenten liggen daarna vast.')
    const unconfirmed = await researcher.post(`${url}/openen`, {})
    expect(unconfirmed.statusCode).toBe(422)
    expect(unconfirmed.body).toContain('Zet eerst het vinkje')
    expect(
      (await t.database.db.selectFrom('rounds').select('status').where('id', '=', round.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('draft')
    const opened = await researcher.submit(`${url}/openen`, { confirm: 'ja' })
    expect(opened.body).toContain('De ronde is open.')
    expect(opened.body).toContain('De vragenlijst ligt vast sinds de ronde open is.')
    const refused = await researcher.post(
      url,
      roundForm({ name: 'Bevriezen', questionnaireId: String(other.id), strata: 'Hengelo\nBorne\nLosser' }),
    )
    expect(refused.statusCode).toBe(422)
    expect(refused.body).toContain('De vragenlijst kan niet meer veranderen')
    const refusedStrata = await researcher.post(url, roundForm({ name: 'Bevriezen', strata: 'Hengelo' }))
    expect(refusedStrata.body).toContain('De gemeenten kunnen niet meer veranderen')
    const row = await t.database.db
      .selectFrom('rounds')
      .select(['questionnaire_id', 'status'])
      .where('id', '=', round.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ questionnaire_id: questionnaireId, status: 'open' })
    // What may change on an open round still does.
    const later = await researcher.submit(
      url,
      roundForm({ name: 'Bevriezen', strata: 'Hengelo\nBorne\nLosser', closesOn: daysFromToday(35) }),
    )
    expect(later.body).toContain('De instellingen zijn opgeslagen.')
    expect(await auditActions(round.id)).toEqual(['round.create', 'round.update', 'round.open', 'round.update'])
    const update = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('round_id', '=', round.id)
      .where('action', '=', 'round.update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(update.details).toEqual({ changed: ['closes_on'] })
  })

  it('refuses to remove a municipality that already has clients', async () => {
    const round = await createRound(t.database.db, { status: 'draft', participantsPerStratum: 1 })
    const url = `/beheer/rondes/${round.roundId}`
    await researcher.visit(url)
    const page = await researcher.post(url, roundForm({ name: 'Testronde', strata: 'Hengelo\nBorne' }))
    expect(page.statusCode).toBe(422)
    expect(page.body).toContain('&quot;Haaksbergen&quot; kan niet weg')
  })
})

describe('closing a round', () => {
  it('keeps answers in progress as partial responses without a link to the person', async () => {
    const round = await createRound(t.database.db, { participantsPerStratum: 2 })
    const [p1, p2] = round.participants
    for (const p of [p1!, p2!]) {
      await t.database.db
        .insertInto('answers_in_progress')
        .values({ participant_id: p.id, answers: JSON.stringify({ rapportcijfer_dienstverlening: 6 }) })
        .execute()
    }
    const url = `/beheer/rondes/${round.roundId}`
    const confirmation = await researcher.visit(`${url}/sluiten`)
    expect(confirmation.body).toContain('2 vragenlijsten zijn nog niet klaar. Ze worden afgesloten')
    expect(confirmation.body).toContain('6 mensen met een code hebben nog niet geantwoord.')
    // Without the tick nothing happens: the answers stay in progress.
    const unconfirmed = await researcher.post(`${url}/sluiten`, {})
    expect(unconfirmed.statusCode).toBe(422)
    expect(unconfirmed.body).toContain('Zet eerst het vinkje')
    expect(await t.database.db.selectFrom('answers_in_progress').selectAll().execute()).toHaveLength(2)
    expect(await auditActions(round.roundId)).toEqual([])
    const page = await researcher.submit(`${url}/sluiten`, { confirm: 'ja' })
    expect(page.body).toContain('De ronde is gesloten. 2 onvolledige antwoorden zijn bewaard')
    const responses = await t.database.db
      .selectFrom('responses')
      .select(['status', 'answers'])
      .where('round_id', '=', round.roundId)
      .execute()
    expect(responses).toEqual([
      { status: 'partial', answers: { rapportcijfer_dienstverlening: 6 } },
      { status: 'partial', answers: { rapportcijfer_dienstverlening: 6 } },
    ])
    expect(await t.database.db.selectFrom('answers_in_progress').selectAll().execute()).toEqual([])
    expect(await auditActions(round.roundId)).toEqual(['round.close'])
    // Closing twice is refused with a clear message.
    const again = await researcher.post(`${url}/sluiten`, { confirm: 'ja' })
    expect(again.statusCode).toBe(409)
    expect(again.body).toContain('Alleen een open ronde kan dicht.')
  })

  it('purges only a closed round, and only when confirmed', async () => {
    const round = await createRound(t.database.db, { participantsPerStratum: 2 })
    const url = `/beheer/rondes/${round.roundId}`
    await researcher.visit(url)
    expect((await researcher.post(`${url}/opschonen`, { confirm: 'ja' })).body).toContain('Sluit de ronde eerst.')
    await researcher.visit(`${url}/sluiten`)
    await researcher.submit(`${url}/sluiten`, { confirm: 'ja' })
    const confirmation = await researcher.visit(`${url}/opschonen`)
    expect(confirmation.body).toContain('Van 6 mensen worden naam, adres, e-mailadres, klantnummer en code gewist.')
    const unconfirmed = await researcher.post(`${url}/opschonen`, {})
    expect(unconfirmed.statusCode).toBe(422)
    expect(unconfirmed.body).toContain('Zet eerst het vinkje')
    expect(
      await t.database.db.selectFrom('participants').select('id').where('round_id', '=', round.roundId).execute(),
    ).toHaveLength(6)
    const purged = await researcher.submit(`${url}/opschonen`, { confirm: 'ja' })
    expect(purged.body).toContain('De persoonsgegevens van 6 deelnemers zijn verwijderd.')
    expect(purged.body).toContain('Persoonsgegevens verwijderd')
    expect(
      await t.database.db.selectFrom('participants').select('id').where('round_id', '=', round.roundId).execute(),
    ).toEqual([])
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['details', 'username'])
      .where('round_id', '=', round.roundId)
      .where('action', '=', 'round.purge')
      .executeTakeFirstOrThrow()
    expect(entry).toEqual({ details: { reason: 'confirmed', participants: 6 }, username: researcher.username })
  })
})

describe('the questionnaire preview', () => {
  it('shows every question as a respondent sees it, in each language, with its routing', async () => {
    const round = await createRound(t.database.db, { status: 'draft' })
    const nl = await researcher.visit(`/beheer/rondes/${round.roundId}/voorbeeld`)
    expect(nl.statusCode).toBe(200)
    expect(nl.body).toContain('Welk rapportcijfer geeft u de afdeling Werk en Inkomen?')
    expect(nl.body).toContain('Alleen voor wie:')
    expect(nl.body).toContain('name="rapportcijfer_dienstverlening" value="10"')
    expect(nl.body).toContain('Deel 1 van')
    expect(nl.body).toContain(`href="/beheer/rondes/${round.roundId}/voorbeeld?taal=en" lang="en"`)
    const en = await researcher.visit(`/beheer/rondes/${round.roundId}/voorbeeld?taal=en`)
    expect(en.body).toContain('What score would you give the Work and Income department?')
    expect(en.body).toContain('lang="en" dir="ltr"')
    const ar = await researcher.visit(`/beheer/rondes/${round.roundId}/voorbeeld?taal=ar`)
    expect(ar.body).toContain('ما الدرجة التي تعطيها لقسم العمل والدخل؟')
    expect(ar.body).toContain('lang="ar" dir="rtl"')
    // An unknown language falls back to the questionnaire's first.
    expect((await researcher.visit(`/beheer/rondes/${round.roundId}/voorbeeld?taal=xx`)).body).toContain(
      'Welk rapportcijfer',
    )
  })
})

describe('the rounds list and start page', () => {
  it('lists rounds with their figures', async () => {
    const page = await researcher.visit('/beheer/rondes')
    expect(page.body).toContain('KTO najaar')
    const home = await researcher.visit('/beheer')
    expect(home.body).toContain('KTO najaar')
    expect(home.body).toContain('Nieuwe ronde maken')
  })
})
