/**
 * Drawing the sample: per stratum everyone, or n at random. The draw is reproducible
 * from its recorded seed: the stratum's imported clients sorted by client number, a
 * Fisher–Yates shuffle driven by mulberry32 seeded with (seed XOR FNV-1a(stratum code)),
 * and the first n taken.
 *
 * Confirming gives every drawn client a login code and deletes the clients who were
 * not drawn: nobody will write to them, so their names and addresses have no purpose
 * left (AVG data minimisation), and every participant row afterwards is a person who is
 * invited, which is what the monitor, reminders and purge counts assume. What the draw
 * was taken from stays checkable: population size and a SHA-256 of its sorted client
 * numbers are recorded per stratum with the seed.
 */
import { createHash, randomInt } from 'node:crypto'
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { SampleMethod } from '#src/server/db/schema.ts'
import { generateLoginCode } from '#src/codes/login-code.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { audit } from '#src/server/services/audit/audit.ts'
import { strataOf } from '#src/server/services/rounds/strata.ts'
import { lockRoundStatus } from '#src/server/services/rounds/round-lock.ts'
import { mulberry32 } from '#src/statistics/mulberry32.ts'

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/** The first `size` items of a seeded Fisher–Yates shuffle (the input is not changed). */
export function seededPick<T>(items: readonly T[], size: number, seed: number, salt: string): T[] {
  const random = mulberry32((seed ^ fnv1a(salt)) >>> 0)
  const a = [...items]
  const n = Math.min(size, a.length)
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (a.length - i))
    ;[a[i], a[j]] = [a[j]!, a[i]!]
  }
  return a.slice(0, n)
}

export const MAX_SEED = 2 ** 32 - 1

export function newSeed(): number {
  return randomInt(1, MAX_SEED)
}

export interface StratumPlan {
  stratumId: number
  method: SampleMethod
  /** For 'random': how many to draw. */
  size?: number
}

export interface StratumDraw {
  stratumId: number
  code: string
  name: string
  method: SampleMethod
  population: number
  selected: number
  populationSha256: string
  selectedIds: number[]
  notSelectedIds: number[]
}

export interface SampleRecord {
  stratumId: number
  name: string
  method: SampleMethod
  population: number
  selected: number
  seed: number
  populationSha256: string
  createdAt: Date
  createdBy: string | null
}

export class SampleRefusedError extends Error {
  readonly key: 'alreadyDrawn' | 'changed' | 'noPopulation' | 'badSize' | 'roundClosed'

  constructor(key: 'alreadyDrawn' | 'changed' | 'noPopulation' | 'badSize' | 'roundClosed') {
    super(key)
    this.key = key
    this.name = 'SampleRefusedError'
  }
}

/** The draw as it would be confirmed now; pure apart from reading the population. */
export async function drawSample(db: DB, roundId: number, plan: StratumPlan[], seed: number): Promise<StratumDraw[]> {
  const strata = await strataOf(db, roundId)
  const population = await db
    .selectFrom('participants')
    .select(['id', 'stratum_id', 'client_number'])
    .where('round_id', '=', roundId)
    .where('code', 'is', null)
    .execute()
  return strata.map((stratum) => {
    const clients = population
      .filter((p) => p.stratum_id === stratum.id)
      .map((p) => ({ id: p.id, number: p.client_number ?? `#${p.id}` }))
      // Code-unit order, not a database collation: the same on every server.
      .sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0))
    const p = plan.find((x) => x.stratumId === stratum.id) ?? { stratumId: stratum.id, method: 'everyone' as const }
    const size = p.method === 'everyone' ? clients.length : Math.min(p.size ?? 0, clients.length)
    if (p.method === 'random' && (!Number.isInteger(p.size) || p.size! < 0)) throw new SampleRefusedError('badSize')
    const picked = p.method === 'everyone' ? clients : seededPick(clients, size, seed, stratum.code)
    const pickedIds = new Set(picked.map((c) => c.id))
    return {
      stratumId: stratum.id,
      code: stratum.code,
      name: stratum.name,
      method: p.method,
      population: clients.length,
      selected: picked.length,
      populationSha256: createHash('sha256')
        .update(clients.map((c) => c.number).join('\n'))
        .digest('hex'),
      selectedIds: picked.map((c) => c.id),
      notSelectedIds: clients.filter((c) => !pickedIds.has(c.id)).map((c) => c.id),
    }
  })
}

export async function sampleOf(db: DB, roundId: number): Promise<SampleRecord[]> {
  const rows = await db
    .selectFrom('samples')
    .innerJoin('strata', 'strata.id', 'samples.stratum_id')
    .leftJoin('staff_users', 'staff_users.id', 'samples.created_by')
    .select([
      'samples.stratum_id',
      'strata.name',
      'samples.method',
      'samples.population',
      'samples.selected',
      'samples.seed',
      'samples.population_sha256',
      'samples.created_at',
      'staff_users.display_name',
    ])
    .where('samples.round_id', '=', roundId)
    .orderBy('strata.id')
    .execute()
  return rows.map((r) => ({
    stratumId: r.stratum_id,
    name: r.name,
    method: r.method,
    population: r.population,
    selected: r.selected,
    seed: r.seed,
    populationSha256: r.population_sha256,
    createdAt: r.created_at,
    createdBy: r.display_name,
  }))
}

/** Codes not yet used anywhere (45 bits each: a clash is rare, but checked, never assumed). */
async function freshCodes(db: DB, count: number): Promise<string[]> {
  const codes = new Set<string>()
  while (codes.size < count) {
    const batch = new Set<string>()
    while (batch.size < count - codes.size) {
      const c = generateLoginCode()
      if (!codes.has(c)) batch.add(c)
    }
    const taken = await db
      .selectFrom('participants')
      .select('code')
      .where('code', 'in', [...batch])
      .execute()
    for (const t of taken) batch.delete(t.code!)
    for (const c of batch) codes.add(c)
  }
  return [...codes]
}

const UNIQUE_VIOLATION = '23505'

/**
 * Confirms the draw shown in the preview: `expected` holds the preview's population
 * fingerprints, so a population that changed in between is refused, not drawn anew.
 */
export async function confirmSample(
  db: DB,
  roundId: number,
  plan: StratumPlan[],
  seed: number,
  expected: Record<number, string>,
  actor: AuditActor,
): Promise<StratumDraw[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (tx) => {
        const status = await lockRoundStatus(tx, roundId)
        if (status === undefined) throw new Error(`round ${roundId} not found`)
        if (status === 'closed' || status === 'purged') throw new SampleRefusedError('roundClosed')
        const existing = await tx
          .selectFrom('samples')
          .select('round_id')
          .where('round_id', '=', roundId)
          .limit(1)
          .executeTakeFirst()
        if (existing) throw new SampleRefusedError('alreadyDrawn')
        const draw = await drawSample(tx, roundId, plan, seed)
        if (draw.every((d) => d.population === 0)) throw new SampleRefusedError('noPopulation')
        if (draw.some((d) => expected[d.stratumId] !== d.populationSha256)) throw new SampleRefusedError('changed')

        const selected = draw.flatMap((d) => d.selectedIds)
        const codes = await freshCodes(tx, selected.length)
        const assignments = selected.map((id, i) => ({ id, code: codes[i]! }))
        for (let i = 0; i < assignments.length; i += 2000) {
          const chunk = JSON.stringify(assignments.slice(i, i + 2000))
          await sql`update participants set code = v.code
            from jsonb_to_recordset(${chunk}::jsonb) as v(id integer, code text)
            where participants.id = v.id`.execute(tx)
        }
        const notSelected = draw.flatMap((d) => d.notSelectedIds)
        for (let i = 0; i < notSelected.length; i += 5000) {
          await tx
            .deleteFrom('participants')
            .where('id', 'in', notSelected.slice(i, i + 5000))
            .execute()
        }
        await tx
          .insertInto('samples')
          .values(
            draw.map((d) => ({
              round_id: roundId,
              stratum_id: d.stratumId,
              method: d.method,
              population: d.population,
              selected: d.selected,
              seed,
              population_sha256: d.populationSha256,
              created_by: actor.id,
            })),
          )
          .execute()
        await audit(
          tx,
          actor,
          'sample.confirm',
          {
            seed,
            strata: draw.map((d) => ({
              stratum: d.name,
              method: d.method,
              population: d.population,
              selected: d.selected,
            })),
          },
          roundId,
        )
        return draw
      })
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION && attempt < 3) continue
      throw error
    }
  }
}
