/**
 * `/beheer/rondes/:roundId/steekproef`: per municipality everyone or n at random, with a
 * seed. "Bekijk" shows the draw per municipality (a GET: nothing changes); "Bevestig",
 * with the box "I understand that this cannot be undone" ticked (confirm=ja), records it,
 * gives the drawn clients their login codes and removes the others.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { StratumPlan } from '#src/server/services/fieldwork/sample.ts'
import {
  confirmSample,
  drawSample,
  MAX_SEED,
  newSeed,
  sampleOf,
  SampleRefusedError,
} from '#src/server/services/fieldwork/sample.ts'
import { populationPerStratum } from '#src/server/services/fieldwork/client-import.ts'
import type { StaffRound } from '#src/server/services/rounds/staff-round.ts'
import type { Translate } from '#src/i18n/translate.ts'
import { staffActor } from '#src/server/routes/beheer/_session.ts'

type Fields = Record<string, string | undefined>

interface PlanForm {
  seed: string
  strata: Array<{
    id: number
    name: string
    population: number
    method: 'everyone' | 'random'
    size: string
    error: string | null
  }>
  seedError: string | null
}

/** Reads the form (query or body); `plan` is set when every field is valid. */
function readPlan(
  fields: Fields,
  round: StaffRound,
  population: Map<number, number>,
  t: Translate,
): { form: PlanForm; plan?: StratumPlan[]; seed?: number } {
  const seedText = (fields.seed ?? '').trim()
  const seed = /^\d{1,10}$/.test(seedText) ? Number(seedText) : NaN
  const seedError =
    Number.isInteger(seed) && seed >= 1 && seed <= MAX_SEED ? null : t('fieldwork.sample.badSeed', { max: MAX_SEED })
  const strata = round.strata.map((s) => {
    const method: 'everyone' | 'random' = fields[`methode-${s.id}`] === 'aselect' ? 'random' : 'everyone'
    const size = (fields[`aantal-${s.id}`] ?? '').trim()
    const available = population.get(s.id) ?? 0
    let error: string | null = null
    if (method === 'random' && !(/^\d{1,7}$/.test(size) && Number(size) >= 1 && Number(size) <= available)) {
      error = t('fieldwork.sample.badSize', { max: available })
    }
    return { id: s.id, name: s.name, population: available, method, size, error }
  })
  const form = { seed: seedText, strata, seedError }
  if (seedError || strata.some((s) => s.error)) return { form }
  return {
    form,
    seed,
    plan: strata.map((s) => ({
      stratumId: s.id,
      method: s.method,
      size: s.method === 'random' ? Number(s.size) : undefined,
    })),
  }
}

const samplePages: FastifyPluginAsync = async (app) => {
  async function populationOf(roundId: number) {
    return new Map((await populationPerStratum(app.db, roundId)).map((s) => [s.id, Number(s.clients)]))
  }

  app.get<{ Querystring: Fields }>('/', async (request, reply) => {
    const round = request.round!
    const t = request.t
    const title = t('fieldwork.sample.title')
    const recorded = await sampleOf(app.db, round.id)
    if (recorded.length > 0) {
      return reply.staffPage('staff/fieldwork/sample-done.eta', title, {
        sample: recorded,
        total: recorded.reduce((n, s) => n + s.selected, 0),
      })
    }
    const population = await populationOf(round.id)
    const asked = request.query.seed !== undefined
    const { form, plan, seed } = asked
      ? readPlan(request.query, round, population, t)
      : readPlan({ seed: String(newSeed()) }, round, population, t)
    let draw = null
    if (asked && plan && seed !== undefined) {
      draw = (await drawSample(app.db, round.id, plan, seed)).map((d) => ({
        stratumId: d.stratumId,
        name: d.name,
        method: d.method,
        population: d.population,
        selected: d.selected,
        populationSha256: d.populationSha256,
      }))
    }
    if (asked && !draw) reply.status(422)
    return reply.staffPage('staff/fieldwork/sample.eta', title, {
      form,
      draw,
      seed,
      total: draw?.reduce((n, d) => n + d.selected, 0) ?? 0,
      removed: draw?.reduce((n, d) => n + d.population - d.selected, 0) ?? 0,
      populationTotal: [...population.values()].reduce((a, b) => a + b, 0),
    })
  })

  app.post<{ Body: Fields }>('/', async (request: FastifyRequest<{ Body: Fields }>, reply) => {
    const round = request.round!
    const t = request.t
    const base = `/beheer/rondes/${round.id}/steekproef`
    const { plan, seed } = readPlan(request.body ?? {}, round, await populationOf(round.id), t)
    if (!plan || seed === undefined) {
      request.notice('fieldwork.sample.refused.changed', undefined, 'refused')
      return reply.redirect(base, 303)
    }
    if (request.body?.confirm !== 'ja') {
      // Back to the same draw, so the box can be ticked; nothing is recorded.
      const again = new URLSearchParams({ seed: String(seed) })
      for (const s of round.strata) {
        again.set(`methode-${s.id}`, request.body?.[`methode-${s.id}`] === 'aselect' ? 'aselect' : 'iedereen')
        again.set(`aantal-${s.id}`, request.body?.[`aantal-${s.id}`] ?? '')
      }
      request.notice('fieldwork.sample.refused.notConfirmed', undefined, 'refused')
      return reply.redirect(`${base}?${again}#resultaat`, 303)
    }
    const expected = Object.fromEntries(
      round.strata.map((s) => [s.id, String(request.body?.[`vingerafdruk-${s.id}`] ?? '')]),
    )
    try {
      const draw = await confirmSample(app.db, round.id, plan, seed, expected, staffActor(request))
      request.notice('fieldwork.sample.confirmed', { count: draw.reduce((n, d) => n + d.selected, 0) })
    } catch (error) {
      if (!(error instanceof SampleRefusedError)) throw error
      request.notice(`fieldwork.sample.refused.${error.key}`, undefined, 'refused')
    }
    return reply.redirect(base, 303)
  })
}

export default samplePages
