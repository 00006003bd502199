/**
 * Numbers as staff read them: "2.300", "96,9%" and a mean grade "7,4" in Dutch,
 * "2,300", "96.9%" and "7.4" in English. Templates get these through `fmt`.
 */
function locale(lang: string): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB'
}

export interface NumberFormats {
  count(n: number): string
  /** A share 0–1 as a percentage; '–' when there is none. */
  percent(share: number | null, decimals?: number): string
  /** One decimal, as the reports print a mean grade. */
  mean(value: number | null): string
}

export function numberFormats(lang: string): NumberFormats {
  const loc = locale(lang)
  const counts = new Intl.NumberFormat(loc, { maximumFractionDigits: 0 })
  const means = new Intl.NumberFormat(loc, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const percents = new Map<number, Intl.NumberFormat>()
  return {
    count: (n) => counts.format(n),
    percent: (share, decimals = 0) => {
      if (share === null) return '–'
      let format = percents.get(decimals)
      if (!format) {
        format = new Intl.NumberFormat(loc, {
          style: 'percent',
          minimumFractionDigits: decimals,
          maximumFractionDigits: decimals,
        })
        percents.set(decimals, format)
      }
      return format.format(share)
    },
    mean: (value) => (value === null ? '–' : means.format(value)),
  }
}
