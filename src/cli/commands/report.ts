import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import type { Command } from '#src/cli/command.ts'
import { UsageError } from '#src/cli/command.ts'
import { checkOutputFile } from '#src/cli/output-paths.ts'
import { translator } from '#src/i18n/translate.ts'
import { renderReportDocx } from '#src/report/render-docx.ts'
import type { DB } from '#src/server/db/connect.ts'
import { listReferenceSets } from '#src/server/services/report/reference-figures.ts'
import { renderReportHtml } from '#src/server/services/report/report-html.ts'
import type { ReportOptions } from '#src/server/services/report/round-report.ts'
import { loadReportChoices, makeReport, otherRounds } from '#src/server/services/report/round-report.ts'
import { loadStaffRound } from '#src/server/services/rounds/staff-round.ts'

/** The report is for the council, in Dutch: so are the command's messages. */
const nl = translator('nl')

const FORMATS = ['html', 'docx'] as const
type ReportFormat = (typeof FORMATS)[number]

export const reportCommand: Command = {
  name: 'report',
  summary:
    'Write the report of a round (as on /beheer/rondes/N/rapport) to a Word file or a standalone HTML file; compares with what was last chosen on the report page, unless told otherwise.',
  usage:
    'report --round N [--municipality CODE] [--trend ID,ID] [--reference ID,ID] [--reference-set ID] [--unweighted] --format html|docx --out FILE',
  async run(args, { database, out }) {
    const { values } = parseArgs({
      args,
      options: {
        round: { type: 'string' },
        municipality: { type: 'string' },
        trend: { type: 'string' },
        reference: { type: 'string' },
        'reference-set': { type: 'string' },
        unweighted: { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
    })
    if (!values.round || !/^\d{1,9}$/.test(values.round)) throw new UsageError(nl('management.report.cli.round'))
    if (!FORMATS.includes(values.format as ReportFormat)) throw new UsageError(nl('management.report.cli.format'))
    const format = values.format as ReportFormat
    if (!values.out) throw new UsageError(nl('management.report.cli.out'))
    checkOutputFile(values.out)
    const trend = values.trend === undefined ? undefined : roundIds('--trend', values.trend)
    const reference = values.reference === undefined ? undefined : roundIds('--reference', values.reference)
    const referenceSet = values['reference-set']
    if (referenceSet !== undefined && !/^\d{1,9}$/.test(referenceSet))
      throw new UsageError(nl('management.report.cli.referenceSet'))

    const { db } = await database()
    const roundId = Number(values.round)
    const round = await loadStaffRound(db, roundId)
    if (!round) throw new UsageError(nl('management.report.cli.noRound', { round: roundId }))
    const municipality = values.municipality ?? null
    if (municipality !== null && !round.strata.some((s) => s.code === municipality))
      throw new UsageError(
        nl('management.report.cli.municipality', {
          code: municipality,
          round: roundId,
          codes: round.strata.map((s) => s.code).join(', '),
        }),
      )
    await checkRounds(db, roundId, trend, reference)
    if (referenceSet !== undefined && !(await listReferenceSets(db)).some((s) => s.id === Number(referenceSet)))
      throw new UsageError(nl('management.report.cli.noReferenceSet', { id: referenceSet }))

    // What the researcher last chose on the report page, overridden by what is given here.
    const kept = await loadReportChoices(db, roundId)
    const options: ReportOptions = {
      roundId,
      municipality,
      referenceRoundIds: reference ?? kept?.referenceRoundIds ?? [],
      referenceSetId: referenceSet !== undefined ? Number(referenceSet) : (kept?.referenceSetId ?? null),
      weigh: values.unweighted ? false : (kept?.weigh ?? true),
    }
    const trendRoundIds = trend ?? kept?.trendRoundIds
    if (trendRoundIds) options.trendRoundIds = trendRoundIds
    const report = await makeReport(db, options)
    if (!report) throw new UsageError(nl('management.report.cli.noRound', { round: roundId }))
    await writeFile(values.out, format === 'docx' ? await renderReportDocx(report) : renderReportHtml(report))
    out.write(`${nl('management.report.cli.written', { file: values.out })}\n`)
  },
}

/** `--trend 3,5`; an empty value (`--trend ""`) for none. */
function roundIds(option: string, value: string): number[] {
  if (value.trim() === '') return []
  const parts = value.split(',').map((part) => part.trim())
  if (parts.some((part) => !/^\d{1,9}$/.test(part)))
    throw new UsageError(nl('management.report.cli.roundIds', { option }))
  return parts.map(Number)
}

/** Trend rounds must have opened before this one; every round named must exist (and not be this one). */
async function checkRounds(
  db: DB,
  roundId: number,
  trend: number[] | undefined,
  reference: number[] | undefined,
): Promise<void> {
  const { rounds } = await otherRounds(db, roundId)
  for (const id of [...(trend ?? []), ...(reference ?? [])]) {
    if (!rounds.some((r) => r.id === id)) throw new UsageError(nl('management.report.cli.noRound', { round: id }))
  }
  for (const id of trend ?? []) {
    if (!rounds.some((r) => r.id === id && r.earlier))
      throw new UsageError(nl('management.report.cli.notEarlier', { round: id }))
  }
}
