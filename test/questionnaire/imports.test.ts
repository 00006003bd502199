/**
 * The questionnaire engine is pure: the server, the database and the letters build on it,
 * never the other way round (README, "Code layout").
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sourceFiles } from '#test/helpers/source-files.ts'

const ROOT = new URL('../../src/questionnaire/', import.meta.url).pathname

describe('src/questionnaire', () => {
  it('imports nothing of the server, the database, the letters or mail', () => {
    const files = sourceFiles(ROOT)
    expect(files.some((f) => f.includes('/xlsform/'))).toBe(true)
    const offending = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
        .map((m) => m[1] as string)
        .filter((target) =>
          /^#src\/(server|mailmerge|mail)\/|^(kysely|pg|@electric-sql\/pglite|nodemailer|pdfkit)$/.test(target),
        )
        .map((target) => `${file.slice(ROOT.length)} → ${target}`),
    )
    expect(offending).toEqual([])
  })
})
