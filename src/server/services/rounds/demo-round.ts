/**
 * A demo round so that a fresh `npm start` shows a working questionnaire at once:
 * three municipalities, a handful of fictitious participants, open for four weeks.
 */
import type { DB } from '#src/server/db/connect.ts'
import { generateLoginCode, formatLoginCode } from '#src/codes/login-code.ts'
import { addDays, todayInAmsterdam } from '#src/server/services/calendar.ts'
import { DEFAULT_QUESTIONNAIRE } from './questionnaire-library.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { generatePassword, hashPassword } from '#src/server/services/staff/passwords.ts'
import { defaultTemplate } from '#src/mailmerge/index.ts'
import { translator } from '#src/i18n/translate.ts'
import { demoLogo } from './demo-logo.ts'

const DEMO_STRATA = [
  { code: 'hengelo', name: 'Hengelo' },
  { code: 'haaksbergen', name: 'Haaksbergen' },
  { code: 'borne', name: 'Borne' },
]

const DEMO_PEOPLE = [
  { initials: 'J.', name_prefix: null, last_name: 'Jansen', stratum: 'hengelo', language: 'nl' },
  { initials: 'A.', name_prefix: 'van der', last_name: 'Meijer', stratum: 'hengelo', language: 'nl' },
  { initials: 'M.', name_prefix: null, last_name: 'Öztürk', stratum: 'haaksbergen', language: 'nl' },
  { initials: 'T.', name_prefix: null, last_name: 'Nguyễn', stratum: 'borne', language: 'en' },
  { initials: 'K.', name_prefix: null, last_name: 'Yılmaz', stratum: 'borne', language: 'nl' },
]

/** Staff accounts to try the researcher's and the typist's screens with. */
const DEMO_STAFF = [
  { username: 'onderzoeker', display_name: 'Demo-onderzoeker', role: 'researcher' },
  { username: 'invoerder', display_name: 'Demo-invoerder', role: 'typist' },
] as const

/**
 * How the demo's participants are told apart from imported clients: a client file could
 * hold either value, but not both, and printing a real person's code would leak it.
 */
const DEMO_CLIENT_NUMBER_PREFIX = 'DEMO'
const DEMO_STREET = 'Demostraat'

/**
 * The demo's phone hours in the other languages of its letters. Drafts (tr, ar, pl) until
 * a translator has checked them, like the letter texts in those languages.
 */
const DEMO_OPENING_HOURS: Record<string, string> = {
  en: 'Monday to Friday 9.00–12.00',
  tr: 'Pazartesi–Cuma 9.00–12.00',
  ar: 'من الاثنين إلى الجمعة 9.00–12.00',
  pl: 'od poniedziałku do piątku 9.00–12.00',
}

const demoClientNumber = (index: number) => `${DEMO_CLIENT_NUMBER_PREFIX}${String(index + 1).padStart(3, '0')}`

export interface DemoCode {
  /** Formatted as on a letter: ABCDE-FGHJK. */
  code: string
  name: string
  stratum: string
}

export interface DemoRound {
  roundId: number
  codes: DemoCode[]
  /** Accounts made with the round; their passwords exist only here, to be printed once. */
  staff: Array<{ username: string; role: string; password: string }>
}

function fullName(person: { initials: string | null; name_prefix: string | null; last_name: string | null }): string {
  return [person.initials, person.name_prefix, person.last_name].filter(Boolean).join(' ')
}

/** Creates the demo round when the database has no round at all; otherwise does nothing. */
export async function createDemoRoundIfEmpty(
  db: DB,
  questionnaireIds: Map<string, number>,
): Promise<DemoRound | undefined> {
  const anyRound = await db.selectFrom('rounds').select('id').limit(1).executeTakeFirst()
  if (anyRound) return undefined
  const questionnaireId = questionnaireIds.get(DEFAULT_QUESTIONNAIRE)
  if (!questionnaireId) throw new Error(`The default questionnaire ${DEFAULT_QUESTIONNAIRE} is missing`)
  const today = todayInAmsterdam()
  return db.transaction().execute(async (tx) => {
    const round = await tx
      .insertInto('rounds')
      .values({
        name: 'Demo: klanttevredenheid Werk en Inkomen',
        questionnaire_id: questionnaireId,
        status: 'open',
        opens_on: today,
        closes_on: addDays(today, 28),
        retention_until: addDays(today, 28 + 90),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const strata = await tx
      .insertInto('strata')
      .values(DEMO_STRATA.map((s) => ({ round_id: round.id, ...s })))
      .returning(['id', 'code', 'name'])
      .execute()
    // Each municipality's letters complete with made-up details (the questionnaire shows
    // whom to call from the invitation), so that the demo prints as a real round would.
    const logo = demoLogo()
    for (const stratum of strata) {
      const organisation = translator('nl')('letter.placeholders.municipality', { name: stratum.name })
      for (const kind of ['invitation', 'reminder'] as const) {
        const { kind: _, logo: __, ...content } = defaultTemplate(kind)
        await tx
          .insertInto('letter_templates')
          .values({
            round_id: round.id,
            stratum_id: stratum.id,
            kind,
            logo,
            logo_type: 'image/png',
            content: JSON.stringify({
              ...content,
              sender: {
                ...content.sender,
                organisation,
                addressLines: ['Postbus 1', `7550 AA ${stratum.name}`],
                returnAddress: `Retouradres: Postbus 1, 7550 AA ${stratum.name}`,
                phone: '0800 - 000 00 00',
                email: `werkeninkomen@${stratum.code}.example`,
                openingHours: 'maandag tot en met vrijdag 9.00–12.00 uur',
                replyAddress: [organisation, 'Antwoordnummer 1000', `7550 VB ${stratum.name}`],
              },
              bodies: Object.fromEntries(
                Object.entries(content.bodies).map(([language, body]) => [
                  language,
                  DEMO_OPENING_HOURS[language] ? { ...body, openingHours: DEMO_OPENING_HOURS[language] } : body,
                ]),
              ),
              signature: { name: 'J. de Voorbeeld', role: 'Teamleider Werk en Inkomen' },
              reference: 'WI/KTO-DEMO',
              letterDate: today,
            }),
          })
          .execute()
      }
    }
    const codes: DemoRound['codes'] = []
    for (const [i, person] of DEMO_PEOPLE.entries()) {
      const stratum = strata.find((s) => s.code === person.stratum)!
      const code = generateLoginCode()
      await tx
        .insertInto('participants')
        .values({
          round_id: round.id,
          stratum_id: stratum.id,
          code,
          client_number: demoClientNumber(i),
          initials: person.initials,
          name_prefix: person.name_prefix,
          last_name: person.last_name,
          street: DEMO_STREET,
          house_number: String(i + 1),
          postcode: '7551 AA',
          city: stratum.name,
          language: person.language,
        })
        .execute()
      codes.push({ code: formatLoginCode(code), name: fullName(person), stratum: stratum.name })
    }
    const staff: DemoRound['staff'] = []
    for (const account of DEMO_STAFF) {
      const password = generatePassword()
      const made = await tx
        .insertInto('staff_users')
        // Printed at the start like the first administrator's: replaced at the first sign-in.
        .values({ ...account, password_hash: await hashPassword(password), must_change_password: true })
        .onConflict((oc) => oc.column('username').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (!made) continue
      await audit(tx, { id: null, username: 'system' }, 'account.create', { userId: made.id, role: account.role })
      staff.push({ username: account.username, role: account.role, password })
    }
    return { roundId: round.id, codes, staff }
  })
}

/**
 * The demo round's login codes, for the start output and `peiling demo`: as long as its
 * participants exist (a purge deletes them, and with them the codes). Passwords are not
 * here: they exist only once, when the accounts are made.
 */
export async function listDemoCodes(db: DB): Promise<Omit<DemoRound, 'staff'> | undefined> {
  const rows = await db
    .selectFrom('participants as p')
    .innerJoin('strata as s', 's.id', 'p.stratum_id')
    .select(['p.round_id', 'p.code', 'p.initials', 'p.name_prefix', 'p.last_name', 's.name as stratum'])
    .where(
      'p.client_number',
      'in',
      DEMO_PEOPLE.map((_, i) => demoClientNumber(i)),
    )
    .where('p.street', '=', DEMO_STREET)
    .where('p.code', 'is not', null)
    .orderBy('p.round_id')
    .orderBy('p.client_number')
    .execute()
  if (rows.length === 0) return undefined
  // Only one demo round is ever made; should there be more, the first is the one printed.
  const roundId = rows[0]!.round_id
  return {
    roundId,
    codes: rows
      .filter((r) => r.round_id === roundId)
      .map((r) => ({ code: formatLoginCode(r.code!), name: fullName(r), stratum: r.stratum })),
  }
}
