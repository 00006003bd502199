import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * Texts a researcher corrected by uploading a translation file, and whether a translator
 * checked a language.
 * - `translation_texts`: per language and key, a text that differs from the shipped one;
 *   it goes before the shipped text (src/i18n/translate.ts).
 * - `translation_languages`: per language its review status: a draft until a translator
 *   checked every text; a check holds for the texts as they were (`checked_fingerprint`),
 *   so a release that changes them makes the language a draft again. `revision` counts
 *   the uploads, so that every app instance sees when to load a language's texts again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('translation_texts')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('translation_texts_pkey', ['language', 'key'])
    .execute()

  await db.schema
    .createTable('translation_languages')
    .addColumn('language', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'checked')`))
    .addColumn('checked_fingerprint', 'text')
    .addColumn('checked_by', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
    .addColumn('checked_at', 'timestamptz')
    .addColumn('uploaded_by', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      'translation_languages_checked_has_check',
      sql`status = 'draft' or (checked_fingerprint is not null and checked_at is not null)`,
    )
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('translation_languages').execute()
  await db.schema.dropTable('translation_texts').execute()
}
