import { parseArgs } from 'node:util'
import type { Command } from '#src/cli/command.ts'
import { UsageError } from '#src/cli/command.ts'
import { cliActor, roundOption, translator } from '#src/cli/fieldwork.ts'
import type { StratumPlan } from '#src/server/services/fieldwork/sample.ts'
import {
  confirmSample,
  drawSample,
  MAX_SEED,
  newSeed,
  sampleOf,
  SampleRefusedError,
} from '#src/server/services/fieldwork/sample.ts'

export const sampleCommand: Command = {
  name: 'sample',
  summary:
    'Draw the sample: per municipality everyone or N at random, with a seed. Shows the draw; --confirm records it and gives the drawn clients their codes.',
  usage: 'sample --round N [--seed S] [--stratum CODE=N ...] [--confirm]   (strata not named: everyone)',
  async run(args, { database, out }) {
    const { values } = parseArgs({
      args,
      options: {
        round: { type: 'string' },
        seed: { type: 'string' },
        stratum: { type: 'string', multiple: true },
        confirm: { type: 'boolean' },
      },
    })
    const { db } = await database()
    const round = await roundOption(db, values.round)
    const recorded = await sampleOf(db, round.id)
    if (recorded.length > 0) {
      out.write(`The sample of round ${round.id} was recorded (seed ${recorded[0]!.seed}):\n`)
      for (const s of recorded) out.write(`  ${s.name}: ${s.selected} of ${s.population} (${s.method})\n`)
      return
    }
    const seed = values.seed === undefined ? newSeed() : Number(values.seed)
    if (!Number.isInteger(seed) || seed < 1 || seed > MAX_SEED)
      throw new UsageError(`--seed: a whole number from 1 to ${MAX_SEED}`)
    const plan: StratumPlan[] = round.strata.map((s) => ({ stratumId: s.id, method: 'everyone' }))
    for (const spec of values.stratum ?? []) {
      const match = /^([^=]+)=(\d+|all|alle)$/.exec(spec)
      const stratum =
        match &&
        round.strata.find(
          (s) => s.code.toLowerCase() === match[1]!.toLowerCase() || s.name.toLowerCase() === match[1]!.toLowerCase(),
        )
      if (!match || !stratum)
        throw new UsageError(
          `--stratum ${spec}: use CODE=N or CODE=all; codes: ${round.strata.map((s) => s.code).join(', ')}`,
        )
      const entry = plan.find((p) => p.stratumId === stratum.id)!
      if (match[2] === 'all' || match[2] === 'alle') entry.method = 'everyone'
      else Object.assign(entry, { method: 'random', size: Number(match[2]) })
    }
    const draw = await drawSample(db, round.id, plan, seed)
    for (const d of draw) {
      const p = plan.find((x) => x.stratumId === d.stratumId)!
      if (p.method === 'random' && (p.size! < 1 || p.size! > d.population))
        throw new UsageError(`--stratum ${d.code}: at most ${d.population}`)
    }
    out.write(`Seed ${seed}:\n`)
    for (const d of draw)
      out.write(`  ${d.name}: ${d.selected} of ${d.population} (${d.method === 'random' ? 'at random' : 'everyone'})\n`)
    out.write(`  Total: ${draw.reduce((n, d) => n + d.selected, 0)}\n`)
    if (!values.confirm) {
      out.write(
        `Nothing recorded yet. Recording gives these ${draw.reduce((n, d) => n + d.selected, 0)} clients a login code and deletes the other ${draw.reduce((n, d) => n + d.population - d.selected, 0)}; it cannot be undone. Run again with the same options and --confirm to record this sample.\n`,
      )
      process.exitCode = 1
      return
    }
    try {
      const confirmed = await confirmSample(
        db,
        round.id,
        plan,
        seed,
        Object.fromEntries(draw.map((d) => [d.stratumId, d.populationSha256])),
        cliActor(),
      )
      out.write(`Recorded. ${confirmed.reduce((n, d) => n + d.selected, 0)} participants have a login code.\n`)
    } catch (error) {
      if (error instanceof SampleRefusedError)
        throw new UsageError(translator('nl')(`fieldwork.sample.refused.${error.key}`))
      throw error
    }
  },
}
