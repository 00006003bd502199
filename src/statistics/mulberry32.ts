/**
 * mulberry32: a small, well-known 32-bit pseudo-random generator (Tommy Ettinger),
 * uniform in [0, 1). The same seed gives the same numbers everywhere, which the sample
 * draw needs to be checkable from its recorded seed.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
