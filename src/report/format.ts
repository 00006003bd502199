/**
 * Numbers as the municipal reports print them (REPORTS.md): "42%", a mean "7,6", a count
 * "6.316". The report is in Dutch, whatever language the staff member reads the site in,
 * so these are Dutch only; the staff pages have their own in server/routes/beheer/_format.ts.
 */
import type { Figure, Statistic } from './model.ts'

const counts = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 })
const percents = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 })
const percentsOneDecimal = new Intl.NumberFormat('nl-NL', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
})
const means = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const signedOneDecimal = new Intl.NumberFormat('nl-NL', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
})
const signedWhole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0, signDisplay: 'exceptZero' })

/** 6316 → "6.316". */
export function formatCount(n: number): string {
  return counts.format(n)
}

/** 0.42 → "42%"; with `decimals` 1, 0.969 → "96,9%" (the reliability level). */
export function formatPercent(share: number, decimals: 0 | 1 = 0): string {
  return (decimals === 1 ? percentsOneDecimal : percents).format(share)
}

/** 7.63 → "7,6": means always with one decimal, as the reports print a grade. */
export function formatMean(value: number): string {
  return means.format(value)
}

/** A figure the way its statistic is read: a mean with one decimal, anything else as a percentage. */
export function formatFigure(statistic: Statistic, figure: Figure): string {
  return statistic === 'mean' ? formatMean(figure.value) : formatPercent(figure.value)
}

/**
 * A difference as `Summary.largestChanges` holds it, with its sign: grade points with one
 * decimal ("+0,4"), percentage points whole ("-5"; the unit is the caller's word).
 */
export function formatDifference(statistic: Statistic, difference: number): string {
  return statistic === 'mean' ? signedOneDecimal.format(difference) : signedWhole.format(difference)
}

/** 1.083 → "1,08" with `decimals` 2; trailing zeros dropped ("5", not "5,00"). */
export function formatDecimal(value: number, decimals: number): string {
  return new Intl.NumberFormat('nl-NL', { maximumFractionDigits: decimals }).format(value)
}
