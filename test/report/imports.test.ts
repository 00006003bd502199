/**
 * The report engine and the statistics are pure: the server loads the data and renders
 * the page, never the other way round (README, "Code layout"), so the CLI, the page and
 * the benchmark build the same report.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sourceFiles } from '#test/helpers/source-files.ts'

describe.each(['report', 'statistics'])('src/%s', (folder) => {
  it('imports nothing of the server or the database', () => {
    const root = new URL(`../../src/${folder}/`, import.meta.url).pathname
    const files = sourceFiles(root)
    expect(files.length).toBeGreaterThan(3)
    const offending = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
        .map((m) => m[1] as string)
        .filter((target) => /^#src\/server\/|^(kysely|pg|@electric-sql\/pglite|fastify)$/.test(target))
        .map((target) => `${file.slice(root.length)} → ${target}`),
    )
    expect(offending).toEqual([])
  })
})
