/**
 * The barcode reader (zxing-wasm), with its WebAssembly loaded from the package: in
 * Node it cannot fetch it. Shared by the print check and the scan reader.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { prepareZXingModule } from 'zxing-wasm/reader'

let ready: Promise<unknown> | undefined

export function zxingReady(): Promise<unknown> {
  ready ??= (async () => {
    const file = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm')
    const bytes = await readFile(file)
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true })
  })()
  return ready
}
