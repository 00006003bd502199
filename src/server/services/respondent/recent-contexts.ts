/**
 * The context each respondent's last page left, kept in this process for a few minutes,
 * so that the next page's save needs one round trip to the database instead of two.
 *
 * It is a hint, never the truth: a save from it goes through `saveProgressIfUnchanged`,
 * which saves only if the participant, round and answers rows are still the versions the
 * context was read from; if not, the page is handled from a fresh read. It holds the
 * answers in progress, which the database holds linked to the participant anyway, and
 * nothing that is not also there. An entry goes when its respondent submits or stops, and
 * at the latest `idleMs` after its last use; the number of entries is capped.
 */
import type { ParticipantContext } from './participation.ts'

interface Entry {
  context: ParticipantContext
  usedAt: number
}

export class RecentContexts {
  /** In order of last use, oldest first (a Map keeps insertion order). */
  private readonly entries = new Map<number, Entry>()

  private readonly options: { maxEntries: number; idleMs: number; now?: () => number }

  constructor(options: { maxEntries: number; idleMs: number; now?: () => number }) {
    this.options = options
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now()
  }

  get(participantId: number): ParticipantContext | undefined {
    this.dropIdle()
    const entry = this.entries.get(participantId)
    if (!entry) return undefined
    this.entries.delete(participantId)
    this.entries.set(participantId, { context: entry.context, usedAt: this.now() })
    return entry.context
  }

  set(participantId: number, context: ParticipantContext): void {
    this.entries.delete(participantId)
    this.entries.set(participantId, { context, usedAt: this.now() })
    this.dropIdle()
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) break
      this.entries.delete(oldest)
    }
  }

  delete(participantId: number): void {
    this.entries.delete(participantId)
  }

  get size(): number {
    return this.entries.size
  }

  /** Drops the entries not used for `idleMs`; they are the oldest, so at the front. */
  dropIdle(): void {
    const limit = this.now() - this.options.idleMs
    for (const [id, entry] of this.entries) {
      if (entry.usedAt > limit) break
      this.entries.delete(id)
    }
  }

  clear(): void {
    this.entries.clear()
  }
}
