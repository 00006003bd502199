import { describe, expect, it } from 'vitest'
import { RecentContexts } from '#src/server/services/respondent/recent-contexts.ts'
import type { ParticipantContext } from '#src/server/services/respondent/participation.ts'

const contextOf = (id: number) => ({ participant: { id } }) as unknown as ParticipantContext

function recent(maxEntries: number, idleMs: number) {
  let clock = 0
  const contexts = new RecentContexts({ maxEntries, idleMs, now: () => clock })
  return { contexts, advance: (ms: number) => (clock += ms) }
}

describe('RecentContexts', () => {
  it('gives back what was set, and nothing after delete', () => {
    const { contexts } = recent(10, 1000)
    contexts.set(1, contextOf(1))
    expect(contexts.get(1)).toEqual(contextOf(1))
    contexts.delete(1)
    expect(contexts.get(1)).toBeUndefined()
  })

  it('forgets a context not used for the idle time, also without being asked for it', () => {
    const { contexts, advance } = recent(10, 1000)
    contexts.set(1, contextOf(1))
    contexts.set(2, contextOf(2))
    advance(600)
    expect(contexts.get(1)).toBeDefined() // used again: its idle time starts over
    advance(600)
    contexts.dropIdle()
    expect(contexts.size).toBe(1)
    expect(contexts.get(2)).toBeUndefined()
    expect(contexts.get(1)).toBeDefined()
  })

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const { contexts, advance } = recent(2, 1000)
    contexts.set(1, contextOf(1))
    advance(1)
    contexts.set(2, contextOf(2))
    advance(1)
    contexts.get(1)
    contexts.set(3, contextOf(3))
    expect(contexts.size).toBe(2)
    expect(contexts.get(2)).toBeUndefined()
    expect(contexts.get(1)).toBeDefined()
    expect(contexts.get(3)).toBeDefined()
  })
})
