/** The demo round's login codes as the operator reads them: in the start output and from `peiling demo`. */
import type { DemoRound } from './demo-round.ts'

export function demoCodeLines(publicUrl: string, demo: Pick<DemoRound, 'roundId' | 'codes'>): string[] {
  return [
    `Demo round ${demo.roundId}: login codes for respondents (type one at ${publicUrl}, or open the link):`,
    ...demo.codes.map((c) => `  ${c.code}   ${publicUrl}/c/${c.code.replace('-', '')}   (${c.name}, ${c.stratum})`),
  ]
}
