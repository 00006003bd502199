/**
 * Importing the municipality's client file into a round: the clients become the
 * population the sample is drawn from (participants without a code yet).
 *
 * Every row is checked first and every bad row reported by line and reason. Nothing is
 * written until the file is clean, or the staff member explicitly skips the reported
 * rows; then all rows go in, or none (one transaction).
 *
 * Between the preview and the decision the checked rows wait in `import_uploads`, in
 * the database that holds the participants anyway: no personal data in temporary files,
 * and any app instance can finish the import.
 *
 * The optional columns `geboortejaar` and `geslacht` are checked like the others but
 * never kept per client, not even while the rows wait: they are counted per stratum,
 * birth year and sex as soon as the file is checked (`ImportCheck.margins`), and only
 * those counts are stored with the import (population-margins.ts, for weighting).
 */
import { sql } from 'kysely'
import type { KeyUnder } from '#src/i18n/translate.ts'
import { UI_LANGUAGES } from '#src/i18n/translate.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { Sex } from '#src/server/db/schema.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import type { ClientFile, CsvSeparator } from './client-file.ts'
import { ClientFileError, CSV_SEPARATORS } from './client-file.ts'
import type { RoundStratum } from '#src/server/services/rounds/strata.ts'
import { strataOf } from '#src/server/services/rounds/strata.ts'

/** Languages a client may have besides the questionnaire's own: those they can be served in. */
export const CLIENT_LANGUAGES = UI_LANGUAGES

/** A row that passed every check, ready to become a participant. */
export interface ClientRecord {
  line: number
  client_number: string
  initials: string | null
  name_prefix: string | null
  last_name: string
  street: string
  house_number: string
  house_number_suffix: string | null
  postcode: string
  city: string
  stratum_id: number
  email: string | null
  language: string
}

/** One reason a row is refused: a UI text key below fieldwork.import.reasons, with its values. */
export interface Reason {
  key: KeyUnder<'fieldwork.import.reasons'>
  params?: Record<string, string | number>
}

export interface ImportProblem {
  line: number
  reasons: Reason[]
  /** What the line held, to recognise it in the preview (always shown escaped). */
  clientNumber: string
  name: string
}

/** Good rows with this stratum, birth year and sex (null: not in the file). */
export interface MarginCount {
  stratumId: number
  birthYear: number | null
  sex: Sex | null
  clients: number
}

export interface ImportCheck {
  rows: ClientRecord[]
  problems: ImportProblem[]
  /** Good rows per stratum, in the round's stratum order. */
  perStratum: Array<{ stratumId: number; name: string; rows: number }>
  /** The good rows counted per stratum, birth year and sex: all that is kept of those two columns. */
  margins: MarginCount[]
}

type Field = Exclude<keyof ClientRecord, 'line' | 'stratum_id'> | 'stratum' | 'birth_year' | 'sex'

/** Accepted column names (lower case) per field; the first is the name staff see in messages. */
const COLUMNS: Record<Field, string[]> = {
  client_number: ['klantnummer', 'clientnummer', 'klantnr', 'bsn-vrij klantnummer'],
  initials: ['voorletters'],
  name_prefix: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel'],
  last_name: ['achternaam', 'geslachtsnaam'],
  street: ['straat', 'straatnaam'],
  house_number: ['huisnummer'],
  house_number_suffix: ['toevoeging', 'huisnummertoevoeging', 'huisletter'],
  postcode: ['postcode'],
  city: ['woonplaats', 'plaats'],
  stratum: ['gemeente'],
  email: ['email', 'e-mail', 'e-mailadres', 'emailadres'],
  language: ['taal'],
  birth_year: ['geboortejaar'],
  sex: ['geslacht'],
}

/** Optional columns that only add counts (population margins); left out of the expected header, as they are rare. */
const MARGIN_FIELDS: Field[] = ['birth_year', 'sex']

const SEXES: Record<string, Sex> = {
  m: 'man',
  man: 'man',
  v: 'vrouw',
  vrouw: 'vrouw',
  x: 'anders',
  anders: 'anders',
}

const FIRST_BIRTH_YEAR = 1900

/** "1978" is a birth year, from 1900 to this year; anything else is null. */
export function birthYearOf(value: string, thisYear = new Date().getFullYear()): number | null {
  if (!/^\d{4}$/.test(value)) return null
  const year = Number(value)
  return year >= FIRST_BIRTH_YEAR && year <= thisYear ? year : null
}

const REQUIRED: Field[] = ['client_number', 'last_name', 'street', 'house_number', 'postcode', 'city', 'stratum']

const MAX_LENGTH = 200

const POSTCODE = /^([1-9][0-9]{3}) ?([A-Z]{2})$/
// Deliberately simple: catches what a typist gets wrong, not every RFC 5322 corner.
const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]{2,}$/

/** "7559zw", "7559 ZW " and "7559  zw" all become "7559 ZW"; anything else is null. */
export function normalisePostcode(value: string): string | null {
  const match = POSTCODE.exec(value.toUpperCase().replace(/\s+/g, ' ').trim())
  return match ? `${match[1]} ${match[2]}` : null
}

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value)
}

function clean(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim()
}

/** How a person would name the separator in the message. */
const SEPARATOR_NAMES: Record<CsvSeparator, string> = { ';': '";"', ',': '","', '\t': 'TAB', '|': '"|"' }

function columnIndexes(file: ClientFile): Record<Field, number> {
  const names = file.header.map((h) => clean(h).toLowerCase())
  const index = {} as Record<Field, number>
  for (const [field, aliases] of Object.entries(COLUMNS) as Array<[Field, string[]]>) {
    index[field] = names.findIndex((n) => aliases.includes(n))
  }
  const missing = REQUIRED.filter((f) => index[f] === -1).map((f) => COLUMNS[f][0]!)
  if (missing.length > 0) {
    const params = {
      columns: missing.join(', '),
      expected: (Object.entries(COLUMNS) as Array<[Field, string[]]>)
        .filter(([field]) => !MARGIN_FIELDS.includes(field))
        .map(([, aliases]) => aliases[0])
        .join(';'),
    }
    if (!file.csv) throw new ClientFileError('missingColumns', params)
    throw new ClientFileError('missingColumnsCsv', {
      ...params,
      separator: SEPARATOR_NAMES[file.csv.separator],
      tried: CSV_SEPARATORS.map((s) => SEPARATOR_NAMES[s]).join(', '),
      // Enough to recognise the line; a whole line of a wide file would drown the message.
      firstLine: file.csv.firstLine.length > 120 ? `${file.csv.firstLine.slice(0, 120)}…` : file.csv.firstLine,
    })
  }
  return index
}

export interface RoundForImport {
  strata: RoundStratum[]
  languages: string[]
  existingClientNumbers: Set<string>
}

export async function loadRoundForImport(db: DB, roundId: number): Promise<RoundForImport> {
  const strata = await strataOf(db, roundId)
  const round = await db
    .selectFrom('rounds')
    .innerJoin('questionnaires', 'questionnaires.id', 'rounds.questionnaire_id')
    .select('questionnaires.definition')
    .where('rounds.id', '=', roundId)
    .executeTakeFirstOrThrow()
  const existing = await db
    .selectFrom('participants')
    .select('client_number')
    .where('round_id', '=', roundId)
    .where('client_number', 'is not', null)
    .execute()
  return {
    strata,
    languages: [...new Set([...CLIENT_LANGUAGES, ...round.definition.languages])],
    existingClientNumbers: new Set(existing.map((e) => e.client_number!)),
  }
}

/** Checks every line of the file against the round; throws ClientFileError when the header is unusable. */
export function checkClientFile(file: ClientFile, round: RoundForImport): ImportCheck {
  const col = columnIndexes(file)
  const strataByName = new Map<string, { id: number; name: string }>()
  for (const s of round.strata) {
    strataByName.set(s.name.toLowerCase(), s)
    strataByName.set(s.code.toLowerCase(), s)
  }
  const linesPerNumber = new Map<string, number[]>()
  for (const l of file.lines) {
    const number = clean(l.cells[col.client_number])
    if (number) linesPerNumber.set(number, [...(linesPerNumber.get(number) ?? []), l.line])
  }

  const rows: ClientRecord[] = []
  const problems: ImportProblem[] = []
  const margins = new Map<string, MarginCount>()
  for (const { line, cells } of file.lines) {
    const get = (field: Field) => (col[field] === -1 ? '' : clean(cells[col[field]]))
    const reasons: Reason[] = []
    const clientNumber = get('client_number')
    const name = [get('initials'), get('name_prefix'), get('last_name')].filter(Boolean).join(' ')
    if (cells.length !== file.header.length) {
      reasons.push({ key: 'columnCount', params: { found: cells.length, expected: file.header.length } })
      problems.push({ line, reasons, clientNumber, name })
      continue
    }
    for (const field of REQUIRED) {
      if (get(field) === '') reasons.push({ key: 'missing', params: { column: COLUMNS[field][0]! } })
    }
    for (const field of Object.keys(COLUMNS) as Field[]) {
      if (get(field).length > MAX_LENGTH)
        reasons.push({ key: 'tooLong', params: { column: COLUMNS[field][0]!, max: MAX_LENGTH } })
    }
    const sameNumber = linesPerNumber.get(clientNumber) ?? []
    if (clientNumber && sameNumber.length > 1) {
      reasons.push({ key: 'duplicateInFile', params: { number: clientNumber, lines: sameNumber.join(', ') } })
    }
    if (clientNumber && round.existingClientNumbers.has(clientNumber)) {
      reasons.push({ key: 'alreadyImported', params: { number: clientNumber } })
    }
    const rawPostcode = get('postcode')
    const postcode = normalisePostcode(rawPostcode)
    if (rawPostcode && !postcode) reasons.push({ key: 'badPostcode', params: { value: rawPostcode } })
    const stratumName = get('stratum')
    const stratum = strataByName.get(stratumName.toLowerCase())
    if (stratumName && !stratum) {
      reasons.push({
        key: 'unknownStratum',
        params: { value: stratumName, known: round.strata.map((s) => s.name).join(', ') },
      })
    }
    const email = get('email')
    if (email && !isEmailAddress(email)) reasons.push({ key: 'badEmail', params: { value: email } })
    const language = get('language').toLowerCase() || 'nl'
    if (!round.languages.includes(language)) {
      reasons.push({ key: 'unknownLanguage', params: { value: get('language'), allowed: round.languages.join(', ') } })
    }
    const rawBirthYear = get('birth_year')
    const birthYear = birthYearOf(rawBirthYear)
    if (rawBirthYear && birthYear === null) {
      reasons.push({ key: 'badBirthYear', params: { value: rawBirthYear, max: new Date().getFullYear() } })
    }
    const rawSex = get('sex')
    const sex = SEXES[rawSex.toLowerCase()] ?? null
    if (rawSex && !sex) reasons.push({ key: 'badSex', params: { value: rawSex } })
    if (reasons.length > 0 || !stratum || !postcode) {
      problems.push({ line, reasons, clientNumber, name })
      continue
    }
    const cell = `${stratum.id}|${birthYear ?? ''}|${sex ?? ''}`
    const counted = margins.get(cell)
    if (counted) counted.clients++
    else margins.set(cell, { stratumId: stratum.id, birthYear, sex, clients: 1 })
    rows.push({
      line,
      client_number: clientNumber,
      initials: get('initials') || null,
      name_prefix: get('name_prefix') || null,
      last_name: get('last_name'),
      street: get('street'),
      house_number: get('house_number'),
      house_number_suffix: get('house_number_suffix') || null,
      postcode,
      city: get('city'),
      stratum_id: stratum.id,
      email: email || null,
      language,
    })
  }
  const perStratum = round.strata.map((s) => ({
    stratumId: s.id,
    name: s.name,
    rows: rows.filter((r) => r.stratum_id === s.id).length,
  }))
  return { rows, problems, perStratum, margins: [...margins.values()] }
}

/** The import is refused; `key` names a UI text below fieldwork.import.refused. */
export class ImportRefusedError extends Error {
  readonly key: 'sampleDrawn' | 'roundClosed' | 'hasProblems' | 'changed' | 'notFound' | 'nothingToImport'

  constructor(key: 'sampleDrawn' | 'roundClosed' | 'hasProblems' | 'changed' | 'notFound' | 'nothingToImport') {
    super(key)
    this.key = key
    this.name = 'ImportRefusedError'
  }
}

/** Why this round cannot take an import now, or null when it can. */
export async function importBlocker(db: DB, roundId: number): Promise<ImportRefusedError | null> {
  const round = await db.selectFrom('rounds').select('status').where('id', '=', roundId).executeTakeFirst()
  if (!round) return new ImportRefusedError('notFound')
  if (round.status === 'closed' || round.status === 'purged') return new ImportRefusedError('roundClosed')
  const sample = await db
    .selectFrom('samples')
    .select('round_id')
    .where('round_id', '=', roundId)
    .limit(1)
    .executeTakeFirst()
  if (sample) return new ImportRefusedError('sampleDrawn')
  return null
}

/**
 * One statement with one JSON parameter: binding thousands of separate parameters costs
 * far more than PostgreSQL's own JSON parsing, above all on the embedded database.
 */
async function insertClients(db: DB, roundId: number, rows: ClientRecord[]): Promise<void> {
  const json = JSON.stringify(rows.map(({ line: _line, ...r }) => r))
  await sql`
    insert into participants (round_id, stratum_id, client_number, initials, name_prefix, last_name, street,
      house_number, house_number_suffix, postcode, city, email, language)
    select ${roundId}, r.stratum_id, r.client_number, r.initials, r.name_prefix, r.last_name, r.street,
      r.house_number, r.house_number_suffix, r.postcode, r.city, r.email, r.language
    from jsonb_to_recordset(${json}::jsonb) as r(stratum_id integer, client_number text, initials text,
      name_prefix text, last_name text, street text, house_number text, house_number_suffix text,
      postcode text, city text, email text, language text)`.execute(db)
}

/**
 * Adds the counts of this import to the round's: a second file adds clients to the
 * population, so it adds to the margins too (one transaction with the clients).
 */
async function addPopulationMargins(db: DB, roundId: number, margins: MarginCount[]): Promise<void> {
  if (margins.length === 0) return
  await sql`
    insert into population_margins (round_id, stratum_id, birth_year, sex, clients)
    select ${roundId}, m."stratumId", m."birthYear", m.sex, m.clients
    from jsonb_to_recordset(${JSON.stringify(margins)}::jsonb)
      as m("stratumId" integer, "birthYear" integer, sex text, clients integer)
    on conflict (round_id, stratum_id, coalesce(birth_year, 0), coalesce(sex, ''))
    do update set clients = population_margins.clients + excluded.clients`.execute(db)
}

function unknownMargins(perStratum: ImportCheck['perStratum']): MarginCount[] {
  return perStratum
    .filter((s) => s.rows > 0)
    .map((s) => ({ stratumId: s.stratumId, birthYear: null, sex: null, clients: s.rows }))
}

export interface ImportResult {
  imported: number
  skipped: number
  perStratum: ImportCheck['perStratum']
}

/**
 * Writes the checked rows, all or nothing. With problems, only when `skipProblems` says
 * the staff member chose to leave those rows out. Rechecks client numbers inside the
 * transaction, since another import may have finished in the meantime.
 */
export async function importClients(
  db: DB,
  roundId: number,
  check: ImportCheck,
  options: { skipProblems: boolean; actor: AuditActor; uploadId?: string },
): Promise<ImportResult> {
  if (check.problems.length > 0 && !options.skipProblems) throw new ImportRefusedError('hasProblems')
  if (check.rows.length === 0) throw new ImportRefusedError('nothingToImport')
  return db.transaction().execute(async (tx) => {
    // Serialises imports and the sample of one round.
    await tx.selectFrom('rounds').select('id').where('id', '=', roundId).forUpdate().executeTakeFirstOrThrow()
    const blocker = await importBlocker(tx, roundId)
    if (blocker) throw blocker
    const clash = await tx
      .selectFrom('participants')
      .select('id')
      .where('round_id', '=', roundId)
      .where(
        'client_number',
        'in',
        sql<string>`(select jsonb_array_elements_text(${JSON.stringify(check.rows.map((r) => r.client_number))}::jsonb))`,
      )
      .limit(1)
      .executeTakeFirst()
    if (clash) throw new ImportRefusedError('changed')
    await insertClients(tx, roundId, check.rows)
    await addPopulationMargins(tx, roundId, check.margins)
    if (options.uploadId) await tx.deleteFrom('import_uploads').where('id', '=', options.uploadId).execute()
    const result = { imported: check.rows.length, skipped: check.problems.length, perStratum: check.perStratum }
    await audit(
      tx,
      options.actor,
      'import.clients',
      {
        imported: result.imported,
        skippedRows: result.skipped,
        perStratum: Object.fromEntries(check.perStratum.map((s) => [s.name, s.rows])),
      },
      roundId,
    )
    return result
  })
}

// --- The preview between upload and decision.

const STAGING_HOURS = 24

export interface StagedImport {
  id: string
  fileName: string
  createdAt: Date
  check: ImportCheck
}

/** Keeps the checked file for the decision; replaces any earlier upload for the round. */
export async function stageImport(
  db: DB,
  roundId: number,
  fileName: string,
  check: ImportCheck,
  actor: AuditActor,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    await tx.deleteFrom('import_uploads').where('round_id', '=', roundId).execute()
    await tx
      .deleteFrom('import_uploads')
      .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${STAGING_HOURS})`)
      .execute()
    const row = await tx
      .insertInto('import_uploads')
      .values({
        round_id: roundId,
        created_by: actor.id,
        file_name: fileName.slice(0, 200),
        rows: JSON.stringify(check.rows),
        problems: JSON.stringify({ problems: check.problems, perStratum: check.perStratum, margins: check.margins }),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(tx, actor, 'import.upload', { rows: check.rows.length, problemRows: check.problems.length }, roundId)
    return row.id
  })
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export async function loadStagedImport(db: DB, roundId: number, uploadId: string): Promise<StagedImport | undefined> {
  if (!UUID.test(uploadId)) return undefined
  const row = await db
    .selectFrom('import_uploads')
    .selectAll()
    .where('id', '=', uploadId)
    .where('round_id', '=', roundId)
    .where('created_at', '>=', sql<Date>`now() - make_interval(hours => ${STAGING_HOURS})`)
    .executeTakeFirst()
  if (!row) return undefined
  const stored = row.problems as Omit<ImportCheck, 'rows' | 'margins'> & { margins?: MarginCount[] }
  return {
    id: row.id,
    fileName: row.file_name,
    createdAt: row.created_at,
    check: {
      rows: row.rows as ClientRecord[],
      problems: stored.problems,
      perStratum: stored.perStratum,
      // An upload staged before the margins existed counts its clients as unknown.
      margins: stored.margins ?? unknownMargins(stored.perStratum),
    },
  }
}

export async function cancelStagedImport(db: DB, roundId: number, uploadId: string, actor: AuditActor): Promise<void> {
  if (!UUID.test(uploadId)) return
  const deleted = await db
    .deleteFrom('import_uploads')
    .where('id', '=', uploadId)
    .where('round_id', '=', roundId)
    .executeTakeFirst()
  if (deleted.numDeletedRows > 0n) await audit(db, actor, 'import.cancel', {}, roundId)
}

/** The population so far: imported clients per stratum, before the sample. */
export async function populationPerStratum(db: DB, roundId: number) {
  return db
    .selectFrom('strata')
    .leftJoin('participants', 'participants.stratum_id', 'strata.id')
    .select(['strata.id', 'strata.name', 'strata.code', (eb) => eb.fn.count<number>('participants.id').as('clients')])
    .where('strata.round_id', '=', roundId)
    .groupBy(['strata.id', 'strata.name', 'strata.code'])
    .orderBy('strata.id')
    .execute()
}
