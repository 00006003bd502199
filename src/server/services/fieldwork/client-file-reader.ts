/**
 * Reads a client file: its limits are checked here, in constant memory
 * (checkClientFileLimits), and only a file within them is parsed, off the main thread, in
 * a worker with its own memory limit and a time limit. A file that a parser chokes on (a
 * bug, or a file made to exhaust it) ends the worker, and the uploader reads that the file
 * is too large or too complex; the server's other requests go on meanwhile. A file over
 * a limit never costs a worker (a thread of its own is some 50 MB).
 */
import { Worker } from 'node:worker_threads'
import type { ClientFile, ClientFileKind } from './client-file.ts'
import { checkClientFileLimits, ClientFileError } from './client-file.ts'

export interface ReaderLimits {
  /** The worker's JavaScript heap. */
  heapMb: number
  timeoutMs: number
}

export const READER_LIMITS: ReaderLimits = { heapMb: 512, timeoutMs: 60_000 }

type WorkerAnswer =
  | { ok: true; file: ClientFile }
  | { ok: false; key: ClientFileError['key']; params: ClientFileError['params'] }
  | { ok: false; failure: string }

export async function readClientFileApart(bytes: Buffer, limits: ReaderLimits = READER_LIMITS): Promise<ClientFile> {
  return parseApart(bytes, await checkClientFileLimits(bytes), limits)
}

function parseApart(bytes: Buffer, kind: ClientFileKind, limits: ReaderLimits): Promise<ClientFile> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./client-file-worker.ts', import.meta.url), {
      workerData: { bytes, kind },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
    })
    let settled = false
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      outcome()
    }
    const tooComplex = () => new ClientFileError('tooComplex')
    const timer = setTimeout(() => settle(() => reject(tooComplex())), limits.timeoutMs)
    worker.once('message', (answer: WorkerAnswer) =>
      settle(() => {
        if (answer.ok) resolve(answer.file)
        else if ('key' in answer) reject(new ClientFileError(answer.key, answer.params))
        else reject(new Error(`reading a client file failed: ${answer.failure}`))
      }),
    )
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or a crash of the parser: this file only.
    worker.once('error', () => settle(() => reject(tooComplex())))
    worker.once('exit', () => settle(() => reject(tooComplex())))
  })
}
