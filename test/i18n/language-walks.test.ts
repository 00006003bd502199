import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { UI_LANGUAGES } from '#src/i18n/translate.ts'

describe('the browser walk through every page in each language', () => {
  it('has a test file for every language a client can have', () => {
    const files = readdirSync(path.resolve(import.meta.dirname, '../browser/languages'))
    expect(files.filter((f) => f.endsWith('.test.ts')).sort()).toEqual(
      [...UI_LANGUAGES].map((language) => `${language}.test.ts`).sort(),
    )
  })
})
