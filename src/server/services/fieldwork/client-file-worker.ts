/**
 * Parses one client file in a worker thread (client-file-reader.ts starts it, once the
 * file has passed the limits): a file that takes much memory or time to parse costs this
 * thread, not the server.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { ClientFileKind } from './client-file.ts'
import { ClientFileError, parseClientFile } from './client-file.ts'

try {
  const { bytes, kind } = workerData as { bytes: Uint8Array; kind: ClientFileKind }
  const file = await parseClientFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), kind)
  parentPort!.postMessage({ ok: true, file })
} catch (error) {
  parentPort!.postMessage(
    error instanceof ClientFileError
      ? { ok: false, key: error.key, params: error.params }
      : { ok: false, failure: error instanceof Error ? error.message : String(error) },
  )
}
