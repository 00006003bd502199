import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from '#src/server/db/unavailable.ts'

/** An error as pg gives it: a message and, from the server, a SQLSTATE in `code`. */
function pgError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {})
}

describe('an unreachable database', () => {
  it.each([
    ['the server shutting down (57P01)', pgError('terminating connection due to administrator command', '57P01')],
    [
      'the server crashing (57P02)',
      pgError('terminating connection because of crash of another server process', '57P02'),
    ],
    ['the server starting up (57P03)', pgError('the database system is starting up', '57P03')],
    ['the server shutting down, before a session (57P03)', pgError('the database system is shutting down', '57P03')],
    ['too many clients (53300)', pgError('sorry, too many clients already', '53300')],
    ['a connection failure (08006)', pgError('connection failure', '08006')],
    ['a connection refused by the server (08004)', pgError('server rejected the connection', '08004')],
    ['a refused socket', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset socket', pgError('read ECONNRESET', 'ECONNRESET')],
    ['a broken pipe', pgError('write EPIPE', 'EPIPE')],
    ['a timed-out socket', pgError('connect ETIMEDOUT 10.0.0.5:5432', 'ETIMEDOUT')],
    ['an unknown host', pgError('getaddrinfo ENOTFOUND db', 'ENOTFOUND')],
    ['a connection cut mid-query', pgError('Connection terminated unexpectedly')],
    ['the pool waiting too long', pgError('timeout exceeded when trying to connect')],
    [
      'a cause further down',
      Object.assign(new Error('query failed'), { cause: pgError('read ECONNRESET', 'ECONNRESET') }),
    ],
  ])('is recognised in %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it.each([
    ['a constraint violation (23505)', pgError('duplicate key value violates unique constraint', '23505')],
    ['a syntax error (42601)', pgError('syntax error at or near "selec"', '42601')],
    ['a serialization failure (40001)', pgError('could not serialize access', '40001')],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a value that is not an error', 'ECONNRESET'],
  ])('is not claimed for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })
})
