/**
 * The questionnaire files shipped in `questionnaires/`, loaded into the database so a
 * round can freeze one version.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDefinition } from '#src/questionnaire/index.ts'
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { DB } from '#src/server/db/connect.ts'

export const QUESTIONNAIRES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../questionnaires',
)
export const DEFAULT_QUESTIONNAIRE = 'kto-participatiewet'

export async function readQuestionnaireFile(file: string): Promise<QuestionnaireDefinition> {
  const text = await readFile(file, 'utf8')
  const result = parseDefinition(text, file.endsWith('.json') ? 'json' : 'yaml')
  if (!result.ok) {
    const faults = result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')
    throw new Error(`Questionnaire ${path.basename(file)} is not valid:\n${faults}`)
  }
  return result.definition
}

/** Stores every shipped questionnaire version that the database does not have yet. Returns their ids by key. */
export async function installShippedQuestionnaires(db: DB, dir = QUESTIONNAIRES_DIR): Promise<Map<string, number>> {
  const files = (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()
  const ids = new Map<string, number>()
  for (const file of files) {
    const definition = await readQuestionnaireFile(path.join(dir, file))
    const existing = await db
      .selectFrom('questionnaires')
      .select('id')
      .where('key', '=', definition.id)
      .where('version', '=', definition.version)
      .executeTakeFirst()
    const id =
      existing?.id ??
      (
        await db
          .insertInto('questionnaires')
          .values({
            key: definition.id,
            version: definition.version,
            title: definition.title.nl,
            definition: JSON.stringify(definition),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    ids.set(definition.id, id)
  }
  return ids
}
