/**
 * Where a command writes its files. Checked before the work starts, so that a mistyped
 * folder costs a clear message, not a finished batch of PDFs thrown away.
 */
import { mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { RefusedError } from './command.ts'

/** A folder to write into: made when it is not there yet (with the folders above it). */
export function prepareOutputFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true })
  } catch (error) {
    throw new RefusedError(`Cannot make the folder ${folder}: ${describeFileError(error)}`)
  }
}

/** A file to write: its folder must exist (a typo in a folder name should not make new folders). */
export function checkOutputFile(file: string): void {
  const folder = path.dirname(path.resolve(file))
  let isFolder = false
  try {
    isFolder = statSync(folder).isDirectory()
  } catch {
    // missing: said below
  }
  if (!isFolder) throw new RefusedError(`Cannot write ${file}: the folder ${folder} does not exist.`)
}

/** The file-system errors a user's own path can cause, in words rather than codes. */
const FILE_ERROR_WORDS: Record<string, string> = {
  ENOENT: 'it or a folder above it does not exist',
  EACCES: 'no permission',
  EPERM: 'no permission',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'a file with that name is in the way',
  ENOSPC: 'the disk is full',
}

/** What went wrong with a file or folder. */
export function describeFileError(error: unknown): string {
  return FILE_ERROR_WORDS[String((error as { code?: unknown }).code)] ?? (error as Error).message
}

/** A file-system error about a path the user named, which main prints in one line instead of a stack trace. */
export function isUserPathError(error: unknown): error is Error & { path: string } {
  const { code, path: where, syscall } = error as { code?: unknown; path?: unknown; syscall?: unknown }
  return typeof where === 'string' && typeof syscall === 'string' && Object.hasOwn(FILE_ERROR_WORDS, String(code))
}
