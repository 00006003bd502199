/** One line of the `npm run bench` table, and the table itself. */
export interface Figure {
  /** What was measured, e.g. "answer saves, 50 respondents". */
  subject: string
  measure: string
  value: number | string
  unit?: string
  /** The target in words, e.g. "≥ 50% of baseline". */
  target?: string
  /** Whether the target was met; undefined when there is none. */
  met?: boolean
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.subject,
    f.measure,
    typeof f.value === 'number' ? formatNumber(f.value) : f.value,
    f.unit ?? '',
    f.target ?? '',
    f.met === undefined ? '' : f.met ? 'met' : 'NOT MET',
  ])
  const header = ['subject', 'measure', 'value', 'unit', 'target', '']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of rows) console.log(line(r))
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-GB')
  return n.toLocaleString('en-GB', { maximumFractionDigits: 2 })
}
