/**
 * One export as a file to hand out: its name, type and content (a stream for the CSV,
 * so any size stays flat in memory). Shared by the web console and the CLI, and both
 * write the same audit entry.
 */
import type { Readable } from 'node:stream'
import type { DB } from '#src/server/db/connect.ts'
import type { Translate } from '#src/i18n/translate.ts'
import type { AuditActor } from '#src/server/services/audit/audit.ts'
import { codebookCsv } from './codebook-file.ts'
import { stratumWeights } from './weights.ts'
import type { ExportFormat, ExportOptions } from './exports.ts'
import {
  auditExport,
  countExportRows,
  csvStream,
  dataFileName,
  loadExportContext,
  statisticsDataFileName,
  xlsxBuffer,
} from './exports.ts'
import { spssSyntax } from './spss.ts'

export interface ExportFile {
  fileName: string
  contentType: string
  body: Readable | Buffer | string
}

export async function exportFile(
  db: DB,
  actor: AuditActor,
  roundId: number,
  format: ExportFormat,
  options: ExportOptions,
  t: Translate,
  lang: string,
): Promise<ExportFile | undefined> {
  const context = await loadExportContext(db, roundId, lang)
  if (!context) return undefined
  switch (format) {
    case 'csv': {
      const rows = await countExportRows(db, roundId, options)
      await auditExport(db, actor, context, format, options, rows)
      return {
        fileName: dataFileName(roundId, options, 'csv'),
        contentType: 'text/csv; charset=utf-8',
        body: csvStream(db, context, options),
      }
    }
    case 'spss-data': {
      const rows = await countExportRows(db, roundId, options)
      await auditExport(db, actor, context, format, options, rows)
      return {
        fileName: statisticsDataFileName(roundId, options),
        contentType: 'text/csv; charset=utf-8',
        body: csvStream(db, context, options, 'statistics'),
      }
    }
    case 'xlsx': {
      const rows = await countExportRows(db, roundId, options)
      await auditExport(db, actor, context, format, options, rows)
      return {
        fileName: dataFileName(roundId, options, 'xlsx'),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await xlsxBuffer(db, context, options, t),
      }
    }
    case 'codebook':
      await auditExport(db, actor, context, format, options, null)
      return {
        fileName: `ronde-${roundId}-codeboek.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: codebookCsv(context.codebook, t, {
          strata: await stratumWeights(db, roundId, ['complete']),
          countOutsideRouting: context.countOutsideRouting,
        }),
      }
    case 'spss': {
      await auditExport(db, actor, context, format, options, null)
      const dataFile = options.dataFile ?? statisticsDataFileName(roundId, options)
      return {
        fileName: dataFileName(roundId, options, 'csv').replace(/\.csv$/, '.sps'),
        contentType: 'text/plain; charset=utf-8',
        body: spssSyntax(context.codebook, dataFile, `Peiling: ${context.roundName}`, t, {
          strata: await stratumWeights(db, roundId, options.includePartial ? ['complete', 'partial'] : ['complete']),
          countOutsideRouting: context.countOutsideRouting,
        }),
      }
    }
  }
}
