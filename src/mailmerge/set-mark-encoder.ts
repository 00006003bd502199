/**
 * Set mark symbols made beside the PDF: a worker thread encodes the marks of a set while
 * the main thread lays out its letter and form, so a collated stream costs little more
 * than the letters and forms alone. Without a worker (it failed to start) it encodes in
 * line, as before.
 */
import { Worker } from 'node:worker_threads'
import type { SetMark, SetMarkSymbol } from './set-mark.ts'
import { encodeSetMark } from './set-mark.ts'

type Reply = { id: number; symbols: SetMarkSymbol[] } | { id: number; error: string }

export class SetMarkEncoder {
  private readonly worker: Worker | undefined
  private readonly waiting = new Map<number, { resolve(s: SetMarkSymbol[]): void; reject(e: Error): void }>()
  private nextId = 0

  constructor() {
    try {
      this.worker = new Worker(new URL('./set-mark-worker.ts', import.meta.url))
      this.worker.unref()
      this.worker.on('message', (reply: Reply) => {
        const waiting = this.waiting.get(reply.id)
        this.waiting.delete(reply.id)
        if ('error' in reply) waiting?.reject(new Error(`Set mark not encoded: ${reply.error}`))
        else waiting?.resolve(reply.symbols)
      })
      this.worker.on('error', (error) => {
        for (const waiting of this.waiting.values()) waiting.reject(error)
        this.waiting.clear()
      })
    } catch {
      this.worker = undefined
    }
  }

  encode(marks: SetMark[]): Promise<SetMarkSymbol[]> {
    if (!this.worker) return Promise.all(marks.map(encodeSetMark))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      this.worker!.postMessage({ id, marks })
    })
  }

  async close(): Promise<void> {
    await this.worker?.terminate()
  }
}
