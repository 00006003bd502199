/**
 * The questionnaire versions in the database (/beheer/vragenlijsten): the built-in ones
 * installed from questionnaires/ at start (rounds/questionnaire-library.ts) and the ones
 * researchers upload. A version is frozen once a round has opened with it: answers were
 * given to exactly that text, so it can only be copied into a new version. A draft
 * version that no opened round uses may be replaced by a new upload of the same key and
 * version; a built-in one is never replaced, since its file would disagree.
 */
import { sql } from 'kysely'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { DB } from '#src/server/db/connect.ts'
import type { QuestionnaireOrigin, RoundStatus } from '#src/server/db/schema.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'

export interface VersionRound {
  id: number
  name: string
  status: RoundStatus
}

export interface QuestionnaireVersion {
  id: number
  key: string
  version: number
  title: string
  origin: QuestionnaireOrigin
  uploadedBy: string | null
  createdAt: Date
  replacedAt: Date | null
  basedOn: { key: string; version: number } | null
  rounds: VersionRound[]
  /** A round beyond draft uses it: it can only be copied. */
  frozen: boolean
}

export interface StoredVersion extends QuestionnaireVersion {
  definition: QuestionnaireDefinition
}

function isFrozen(rounds: VersionRound[]): boolean {
  return rounds.some((r) => r.status !== 'draft')
}

function versionsQuery(db: DB) {
  return db
    .selectFrom('questionnaires as q')
    .leftJoin('questionnaires as b', 'b.id', 'q.based_on_id')
    .select([
      'q.id',
      'q.key',
      'q.version',
      'q.title',
      'q.origin',
      'q.uploaded_by',
      'q.created_at',
      'q.replaced_at',
      'b.key as base_key',
      'b.version as base_version',
      sql<
        VersionRound[]
      >`coalesce((select json_agg(json_build_object('id', r.id, 'name', r.name, 'status', r.status) order by r.id)
        from rounds r where r.questionnaire_id = q.id), '[]'::json)`.as('rounds'),
    ])
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof versionsQuery>['execute']>>[number]

function toVersion(row: VersionRow): QuestionnaireVersion {
  const rounds = typeof row.rounds === 'string' ? (JSON.parse(row.rounds) as VersionRound[]) : row.rounds
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    title: row.title,
    origin: row.origin,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
    replacedAt: row.replaced_at,
    basedOn:
      row.base_key !== null && row.base_version !== null ? { key: row.base_key, version: row.base_version } : null,
    rounds,
    frozen: isFrozen(rounds),
  }
}

/** Every version, by key and then newest version first. */
export async function listVersions(db: DB): Promise<QuestionnaireVersion[]> {
  const rows = await versionsQuery(db).orderBy('q.key').orderBy('q.version', 'desc').execute()
  return rows.map(toVersion)
}

export async function loadVersion(db: DB, key: string, version: number): Promise<StoredVersion | undefined> {
  const row = await versionsQuery(db)
    .select('q.definition')
    .where('q.key', '=', key)
    .where('q.version', '=', version)
    .executeTakeFirst()
  return row ? { ...toVersion(row), definition: row.definition } : undefined
}

export type StoreProblem =
  /** The key and version exist and are in use by an opened round. */
  | 'frozen'
  /** The key and version are a built-in file's. */
  | 'builtIn'
  /** The key and version exist; replacing them was not asked for. */
  | 'exists'
  /** The version named as the base is not there. */
  | 'unknownBase'

export type StoreResult = { ok: true; id: number; replaced: boolean } | { ok: false; problem: StoreProblem }

export interface StoreOptions {
  /** The version this one was made from; without one, the highest lower version of the same key. */
  basedOn?: { key: string; version: number }
  /** Replace an existing draft version of the same key and version. */
  replace?: boolean
  /** What the file was, or a copy made in the app (for the audit log). */
  format: 'yaml' | 'xlsx' | 'copy'
}

/**
 * Stores a checked definition as an uploaded version, or replaces a replaceable one.
 * In one transaction with a lock on the key's versions, so that a round that opens with
 * the version meanwhile is never given a text other than the one it opened with.
 */
export async function storeVersion(
  db: DB,
  actor: AuditActor,
  definition: QuestionnaireDefinition,
  options: StoreOptions,
): Promise<StoreResult> {
  return db.transaction().execute(async (tx): Promise<StoreResult> => {
    let baseId: number | null = null
    if (options.basedOn) {
      const base = await tx
        .selectFrom('questionnaires')
        .select('id')
        .where('key', '=', options.basedOn.key)
        .where('version', '=', options.basedOn.version)
        .executeTakeFirst()
      if (!base) return { ok: false, problem: 'unknownBase' }
      baseId = base.id
    } else {
      const previous = await tx
        .selectFrom('questionnaires')
        .select('id')
        .where('key', '=', definition.id)
        .where('version', '<', definition.version)
        .orderBy('version', 'desc')
        .executeTakeFirst()
      baseId = previous?.id ?? null
    }

    const existing = await tx
      .selectFrom('questionnaires')
      .select(['id', 'origin'])
      .where('key', '=', definition.id)
      .where('version', '=', definition.version)
      .forUpdate()
      .executeTakeFirst()
    const columns = {
      title: definition.title.nl,
      definition: JSON.stringify(definition),
      based_on_id: baseId === existing?.id ? null : baseId,
      uploaded_by: actor.username,
    }
    let id: number
    if (existing) {
      if (existing.origin === 'built-in') return { ok: false, problem: 'builtIn' }
      // The rounds' rows are locked too: a round cannot open with this version until we are done.
      const opened = await tx
        .selectFrom('rounds')
        .select('id')
        .where('questionnaire_id', '=', existing.id)
        .where('status', '<>', 'draft')
        .forUpdate()
        .executeTakeFirst()
      if (opened) return { ok: false, problem: 'frozen' }
      if (!options.replace) return { ok: false, problem: 'exists' }
      await tx
        .updateTable('questionnaires')
        .set({ ...columns, replaced_at: sql<Date>`now()` })
        .where('id', '=', existing.id)
        .execute()
      id = existing.id
    } else {
      id = (
        await tx
          .insertInto('questionnaires')
          .values({ key: definition.id, version: definition.version, origin: 'uploaded', ...columns })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    }
    if (options.format === 'copy')
      await audit(tx, actor, 'questionnaire.copy', {
        name: definition.id,
        version: definition.version,
        questionnaireId: id,
      })
    else
      await audit(tx, actor, 'questionnaire.upload', {
        name: definition.id,
        version: definition.version,
        questionnaireId: id,
        format: options.format,
        replaced: existing !== undefined,
      })
    return { ok: true, id, replaced: existing !== undefined }
  })
}

/** The next free version number of a key. */
export async function nextVersion(db: DB, key: string): Promise<number> {
  const row = await db
    .selectFrom('questionnaires')
    .select(sql<number>`coalesce(max(version), 0)`.as('highest'))
    .where('key', '=', key)
    .executeTakeFirstOrThrow()
  return Number(row.highest) + 1
}

/**
 * A new version with the same questions as `key` `version`, as the start of a changed
 * one: the researcher downloads it, edits it and uploads it over the copy.
 */
export async function copyVersion(
  db: DB,
  actor: AuditActor,
  key: string,
  version: number,
): Promise<{ version: number } | undefined> {
  const source = await loadVersion(db, key, version)
  if (!source) return undefined
  const copy: QuestionnaireDefinition = { ...source.definition, version: await nextVersion(db, key) }
  const result = await storeVersion(db, actor, copy, { basedOn: { key, version }, format: 'copy' })
  if (!result.ok) throw new Error(`copying ${key} ${version} failed: ${result.problem}`)
  return { version: copy.version }
}
