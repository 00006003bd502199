/** The TypeScript files under a folder, for the tests that hold modules to their import boundaries. */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

export function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(folder, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(folder, entry.name)]
        : [],
  )
}
