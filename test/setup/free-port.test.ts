import net from 'node:net'
import Fastify from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { canBind, ephemeralPortRange, freePort, isPortClash, listen, onFreePort } from './free-port.ts'

const opened: net.Server[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

/** A server listening on a free port, which the test then treats as taken. */
async function occupiedPort(): Promise<number> {
  const blocker = net.createServer()
  opened.push(blocker)
  return onFreePort(async (port) => {
    await listen(blocker, port)
    return port
  })
}

describe('freePort', () => {
  it('returns ports outside the ephemeral range that can be bound', async () => {
    const { first, last } = ephemeralPortRange()
    expect(first).toBeLessThan(last)
    for (let i = 0; i < 20; i++) {
      const port = await freePort()
      expect(port < first || port > last, `${port} in ${first}-${last}`).toBe(true)
      expect(port).toBeGreaterThanOrEqual(10_000)
      const server = net.createServer()
      opened.push(server)
      await listen(server, port)
    }
  })

  it('knows a port that is taken', async () => {
    const port = await occupiedPort()
    expect(await canBind(port)).toBe(false)
  })
})

describe('onFreePort', () => {
  it('tries another port when a server finds its port taken', async () => {
    const taken = await occupiedPort()
    const tried: number[] = []
    const server = net.createServer()
    opened.push(server)
    const port = await onFreePort(async (port) => {
      tried.push(port)
      // The first try loses the race for its port: another process took it after the check.
      const error = await listen(server, tried.length === 1 ? taken : port).catch((e: unknown) => e)
      if (error) throw error
      return port
    })
    expect(tried).toHaveLength(2)
    expect(port).toBe(tried[1])
    expect((server.address() as net.AddressInfo).port).toBe(port)
  })

  it('tries again when an app in this process finds its port taken, on the same Fastify instance', async () => {
    const taken = await occupiedPort()
    const app = Fastify()
    app.get('/', async () => 'ok')
    let tries = 0
    const url = await onFreePort((port) => app.listen({ port: ++tries === 1 ? taken : port, host: '127.0.0.1' }))
    try {
      expect(tries).toBe(2)
      expect(await (await fetch(url)).text()).toBe('ok')
    } finally {
      await app.close()
    }
  })

  it("reads PostgreSQL's log line as a clash, and does not retry other failures", async () => {
    let tries = 0
    const started = await onFreePort(async (port) => {
      if (++tries === 1) throw new Error('LOG:  could not bind IPv4 address "127.0.0.1": Address already in use')
      return port
    })
    expect(tries).toBe(2)
    expect(typeof started).toBe('number')

    let failures = 0
    await expect(
      onFreePort(async () => {
        failures++
        throw new Error('initdb: permission denied')
      }),
    ).rejects.toThrow('permission denied')
    expect(failures).toBe(1)
  })

  it('gives up after a few clashes in a row', async () => {
    let tries = 0
    const clash = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' })
    await expect(
      onFreePort(
        async () => {
          tries++
          throw clash
        },
        { attempts: 3 },
      ),
    ).rejects.toBe(clash)
    expect(tries).toBe(3)
    expect(isPortClash(clash)).toBe(true)
  })
})
