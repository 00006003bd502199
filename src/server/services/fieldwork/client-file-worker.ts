/**
 * Reads one client file in a worker thread (client-file-reader.ts starts it): a file that
 * takes much memory or time to read costs this thread, not the server.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { ClientFileError, readClientFile } from './client-file.ts'

try {
  const file = await readClientFile(Buffer.from(workerData as Uint8Array))
  parentPort!.postMessage({ ok: true, file })
} catch (error) {
  parentPort!.postMessage(
    error instanceof ClientFileError
      ? { ok: false, key: error.key, params: error.params }
      : { ok: false, failure: error instanceof Error ? error.message : String(error) },
  )
}
