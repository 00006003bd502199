/**
 * The parts of src/scan the intake uses, in one object: the reading steps call them
 * through it, so a test can watch or stop a step (a crash halfway through a batch).
 */
import { formFromMarks, marksOfPage, pageToPng, pngToPage, readPage, scanPages } from '#src/scan/index.ts'

export const SCAN_READER = {
  scanPages,
  pageToPng,
  pngToPage,
  readPage,
  marksOfPage,
  formFromMarks,
}

export type ScanReader = typeof SCAN_READER
