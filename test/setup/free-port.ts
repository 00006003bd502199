/**
 * Ports for every server that tests and benchmarks start: PostgreSQL, the app (as a child
 * process or in this one), SMTP servers. Free of vitest, so bench/ can use it.
 *
 * Not in the operating system's ephemeral range: the system hands those ports to outgoing
 * connections (and to listen(0)), and a load test with thousands of client sockets can
 * hold the very port a server is about to bind. Checking that a port is free leaves a
 * moment before the server binds it in which another process may take it, so servers are
 * started through onFreePort, which tries another port when that happens.
 */
import type { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import net from 'node:net'

/** Above the ports that services on a developer's machine commonly use (PostgreSQL 5432, 8080, …). */
const LOWEST = 10_000
const HIGHEST = 65_535

export interface PortRange {
  first: number
  last: number
}

/** The ports the system picks from for outgoing connections. */
export function ephemeralPortRange(): PortRange {
  try {
    const [first, last] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number)
    if (first && last) return { first, last }
  } catch {
    // not Linux
  }
  // IANA's dynamic ports, which macOS and Windows use.
  return { first: 49_152, last: 65_535 }
}

/** The ranges a server's port is chosen from: from LOWEST to 65535, without the ephemeral range. */
function portsOutside(ephemeral: PortRange): PortRange[] {
  const ranges = [
    { first: LOWEST, last: Math.min(ephemeral.first - 1, HIGHEST) },
    { first: Math.max(ephemeral.last + 1, LOWEST), last: HIGHEST },
  ]
  return ranges.filter((r) => r.first <= r.last)
}

/** A random port in `ranges`, each port equally likely. */
function randomPortIn(ranges: PortRange[]): number {
  const size = ranges.reduce((n, r) => n + r.last - r.first + 1, 0)
  let pick = Math.floor(Math.random() * size)
  for (const r of ranges) {
    if (pick <= r.last - r.first) return r.first + pick
    pick -= r.last - r.first + 1
  }
  throw new Error('unreachable')
}

/** Whether `port` can be bound on `host` now. */
export function canBind(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)))
  })
}

/**
 * A port outside the ephemeral range that nothing has bound, chosen at random so that
 * processes asking at the same moment rarely get the same one.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const ranges = portsOutside(ephemeralPortRange())
  if (ranges.length === 0)
    throw new Error(`no ports outside the ephemeral range ${JSON.stringify(ephemeralPortRange())}`)
  for (let tries = 0; tries < 50; tries++) {
    const port = randomPortIn(ranges)
    if (await canBind(port, host)) return port
  }
  throw new Error('no free port found outside the ephemeral range in 50 tries')
}

/**
 * Whether a server failed to start because its port was taken: Node's EADDRINUSE, or
 * PostgreSQL's "could not bind … Address already in use" (in an error that carries its log).
 */
export function isPortClash(error: unknown): boolean {
  if ((error as { code?: unknown } | undefined)?.code === 'EADDRINUSE') return true
  return /EADDRINUSE|address already in use|could not bind/i.test(
    String((error as Error | undefined)?.message ?? error),
  )
}

/**
 * Starts a server with `start(port)` on a free port, and on another one when `start` finds
 * it taken after all. Other failures are not retried.
 */
export async function onFreePort<T>(
  start: (port: number) => Promise<T>,
  { host = '127.0.0.1', attempts = 5 }: { host?: string; attempts?: number } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort(host)
    try {
      return await start(port)
    } catch (error) {
      if (attempt >= attempts || !isPortClash(error)) throw error
    }
  }
}

/** `server.listen(port, host)` (a net.Server, or an SMTPServer), resolved once it listens and rejected when it cannot. */
export function listen(
  server: EventEmitter & { listen(port: number, host: string, callback: () => void): unknown },
  port: number,
  host = '127.0.0.1',
): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}
