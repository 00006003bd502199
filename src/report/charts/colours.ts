/**
 * The charts' colours. Reports are printed in black and white as often as not, so the
 * parts of a stacked bar differ in lightness, not only in hue (dark blue, light blue,
 * light orange, dark orange), and the labels on them are black or white, whichever has
 * the contrast WCAG asks of text (4.5:1).
 */

/** Bars of a single series (the grade distribution). */
export const BAR = '#1f4e79'
/** Text on white: headings, values. */
export const INK = '#1a1a1a'
/** Secondary text on white (axis labels, notes): 7:1 on white. */
export const MUTED_INK = '#595959'
export const GRID = '#d9d9d9'
export const AXIS = '#595959'

// Darkest first: "helemaal mee eens" is the strongest agreement.
const AGREE: Record<number, readonly string[]> = {
  1: ['#08306b'],
  2: ['#08306b', '#6baed6'],
  3: ['#08306b', '#2171b5', '#9ecae1'],
  4: ['#08306b', '#2171b5', '#6baed6', '#c6dbef'],
}
// Lightest first: disagreement grows along the bar.
const DISAGREE: Record<number, readonly string[]> = {
  1: ['#d94801'],
  2: ['#fee6ce', '#d94801'],
  3: ['#fee6ce', '#fd8d3c', '#a63603'],
  4: ['#fee6ce', '#fd8d3c', '#d94801', '#7f2704'],
}
const NEUTRAL = ['#c4c4c4', '#a0a0a0'] as const

function ramp(table: Record<number, readonly string[]>, count: number): string[] {
  const widest = table[4]!
  return Array.from({ length: count }, (_, i) => table[count]?.[i] ?? widest[Math.min(i, widest.length - 1)]!)
}

/**
 * A colour per answer category in scale order: the `agreeing` first ones blue, then as
 * many orange ones as there are agreeing ones at the end, and grey for a middle
 * category ("neutraal") in between.
 */
export function categoryColours(count: number, agreeing: number): string[] {
  const agree = Math.min(Math.max(agreeing, 0), count)
  const disagree = Math.min(agree === 0 ? count : agree, count - agree)
  const neutral = count - agree - disagree
  return [
    ...ramp(AGREE, agree),
    ...Array.from({ length: neutral }, (_, i) => NEUTRAL[i % NEUTRAL.length]!),
    ...ramp(DISAGREE, disagree),
  ]
}

/** WCAG relative luminance of "#rrggbb". */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

/** Black or white, whichever reads better on `fill`. */
export function textColourOn(fill: string): string {
  return contrastRatio(fill, '#ffffff') >= contrastRatio(fill, '#000000') ? '#ffffff' : '#000000'
}
