/**
 * Ends the process when its event loop has been blocked too long, so that the supervisor
 * (docker compose's `restart: unless-stopped`, systemd) starts a fresh one. A process
 * stuck in a parser or a runaway loop answers nothing, not even /health, and a restart
 * policy reacts to exits only: without this it would hang until someone notices.
 *
 * The main thread writes a heartbeat into shared memory every second; a worker thread,
 * which runs while the main thread is stuck, checks it and kills the process.
 */
import { Worker } from 'node:worker_threads'

// Written to run as CommonJS or as a module (the worker inherits the process's --input-type).
const WATCHER = `
Promise.all([import('node:worker_threads'), import('node:fs')]).then(([{ workerData }, { writeSync }]) => {
  const beat = new BigInt64Array(workerData.shared)
  setInterval(() => {
    const silentMs = Date.now() - Number(Atomics.load(beat, 0))
    if (silentMs > workerData.limitMs) {
      // Straight to file descriptor 2: a worker's process.stderr goes through the stuck main thread.
      writeSync(2, 'Peiling: event loop blocked for ' + Math.round(silentMs / 1000) + ' s; stopping so that the supervisor restarts the app\\n')
      process.kill(process.pid, 'SIGKILL')
    }
  }, Math.min(1000, workerData.limitMs / 2))
})
`

/** Starts the watchdog; the returned function stops it. */
export function startWatchdog(limitSeconds: number): () => void {
  const shared = new SharedArrayBuffer(8)
  const beat = new BigInt64Array(shared)
  const touch = () => Atomics.store(beat, 0, BigInt(Date.now()))
  touch()
  const heartbeat = setInterval(touch, 1000)
  heartbeat.unref()
  const watcher = new Worker(WATCHER, { eval: true, workerData: { shared, limitMs: limitSeconds * 1000 } })
  watcher.unref()
  return () => {
    clearInterval(heartbeat)
    void watcher.terminate()
  }
}
