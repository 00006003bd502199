/**
 * Reference figures from a benchmark organisation (imported as CSV): per concept key and
 * statistic a value and its N. Shares are fractions in memory.
 */
import type { Figure, Statistic } from './model.ts'

export type ReferenceFigures = ReadonlyMap<string, ReadonlyMap<string, { value: number; n: number }>>

/** The CSV's name of a statistic: gemiddelde, onvoldoende, eens, percentage:<code>. */
export function referenceStatisticName(statistic: Statistic, code?: number): string | undefined {
  switch (statistic) {
    case 'mean':
      return 'gemiddelde'
    case 'belowSix':
      return 'onvoldoende'
    case 'agree':
      return 'eens'
    case 'share':
      return `percentage:${code}`
    case 'sevenOrMore':
      return undefined
  }
}

/**
 * A reference figure as an estimate. A share's standard error follows from its N
 * (√(p(1−p)/N)); a mean's cannot be known without its spread, so a mean is shown but
 * never tested.
 */
export function referenceFigure(
  figures: ReferenceFigures,
  concept: string | undefined,
  statistic: Statistic,
  code?: number,
): Figure | undefined {
  const name = referenceStatisticName(statistic, code)
  const found = concept && name ? figures.get(concept)?.get(name) : undefined
  if (!found) return undefined
  const standardError = statistic === 'mean' ? Number.NaN : Math.sqrt((found.value * (1 - found.value)) / found.n)
  return { value: found.value, standardError, n: found.n }
}
