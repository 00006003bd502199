import { describe, expect, it } from 'vitest'
import { seededPick } from '#src/server/services/fieldwork/sample.ts'
import { mulberry32 } from '#src/statistics/mulberry32.ts'

describe('the seeded draw', () => {
  it('is reproducible from its seed, and differs per seed and per municipality', () => {
    const population = Array.from({ length: 2412 }, (_, i) => `K${100001 + i}`)
    const draw = seededPick(population, 1700, 20221001, 'hengelo')
    expect(seededPick(population, 1700, 20221001, 'hengelo')).toEqual(draw)
    expect(new Set(draw).size).toBe(1700)
    expect(draw.every((c) => population.includes(c))).toBe(true)
    expect(seededPick(population, 1700, 20221002, 'hengelo')).not.toEqual(draw)
    expect(seededPick(population, 1700, 20221001, 'borne')).not.toEqual(draw)
    expect(seededPick(population, 5000, 1, 'x')).toHaveLength(2412)
  })

  it('gives every client the same chance (Fisher–Yates over mulberry32)', () => {
    const population = Array.from({ length: 20 }, (_, i) => i)
    const counts = new Array<number>(20).fill(0)
    const runs = 4000
    for (let seed = 1; seed <= runs; seed++) for (const i of seededPick(population, 5, seed, 'x')) counts[i]!++
    // Expected 1,000 each (5/20 of 4,000); a biased shuffle is off by far more than 15%.
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150)
    const random = mulberry32(42)
    const values = Array.from({ length: 1000 }, () => random())
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true)
  })
})
