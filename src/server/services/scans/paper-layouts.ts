/**
 * The layout every printed form variant was drawn with, kept per round so that a scan is
 * read against the very layout its form was printed with (a template or definition may
 * change between two mailings). The same layout printed again is stored once; each
 * printed participant points at the layout of their last printed form.
 */
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { DB } from '#src/server/db/connect.ts'
import type { FormLayout } from '#src/mailmerge/paper-layout.ts'
import { PaperForms } from '#src/mailmerge/index.ts'

/** Who was printed with which variant: participant ids per `PaperForms.variantOf` key. */
export type PrintedVariants = Map<string, number[]>

/** Notes that `participantId` got the form of variant (`lang`, `stratum`). */
export function notePrinted(
  printed: PrintedVariants,
  participantId: number,
  variant: { lang: string; stratum?: string | undefined },
): void {
  const key = PaperForms.variantOf(variant)
  const ids = printed.get(key)
  if (ids) ids.push(participantId)
  else printed.set(key, [participantId])
}

export function layoutFingerprint(layout: FormLayout): string {
  return createHash('sha256').update(JSON.stringify(layout)).digest('hex')
}

/** Stores the layouts of a print run and points its participants at theirs: one update per layout. */
export async function recordPaperLayouts(
  db: DB,
  roundId: number,
  layouts: FormLayout[],
  printed: PrintedVariants,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const layout of layouts) {
      const ids = printed.get(PaperForms.variantOf({ lang: layout.lang, stratum: layout.stratum }))
      if (!ids?.length) continue
      const fingerprint = layoutFingerprint(layout)
      await tx
        .insertInto('paper_layouts')
        .values({
          round_id: roundId,
          language: layout.lang,
          stratum_code: layout.stratum ?? null,
          fingerprint,
          layout: JSON.stringify(layout),
        })
        .onConflict((oc) => oc.columns(['round_id', 'fingerprint']).doNothing())
        .execute()
      const { id } = await tx
        .selectFrom('paper_layouts')
        .select('id')
        .where('round_id', '=', roundId)
        .where('fingerprint', '=', fingerprint)
        .executeTakeFirstOrThrow()
      await tx
        .updateTable('participants')
        .set({ paper_layout_id: id })
        .where('round_id', '=', roundId)
        .where(sql<boolean>`id = any(${ids}::int[])`)
        .execute()
    }
  })
}

/** The layout a stored layout row holds; undefined for one this code cannot read (another version). */
export async function paperLayout(db: DB, layoutId: number): Promise<FormLayout | undefined> {
  const row = await db.selectFrom('paper_layouts').select('layout').where('id', '=', layoutId).executeTakeFirst()
  return row?.layout
}
