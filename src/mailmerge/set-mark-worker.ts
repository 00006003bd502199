/**
 * Encodes set marks on a thread of its own (set-mark-encoder.ts): the DataMatrix symbols
 * of a collated print stream were a third of its time, spent while the PDF waited.
 */
import { parentPort } from 'node:worker_threads'
import type { SetMark } from './set-mark.ts'
import { encodeSetMark } from './set-mark.ts'

parentPort?.on('message', async ({ id, marks }: { id: number; marks: SetMark[] }) => {
  try {
    parentPort?.postMessage({ id, symbols: await Promise.all(marks.map(encodeSetMark)) })
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
