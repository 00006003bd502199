/**
 * Page saves from remembered versions, gathered into few statements (group commit).
 *
 * A save goes to the database at once when a lane is free. While every lane has a
 * statement under way, the saves that come in wait, and the next free lane takes them
 * all in one statement. When it is quiet each save goes alone and without delay; under
 * load one statement carries many respondents' pages, which costs the database and this
 * process far less than a statement each. One respondent is never in two statements at
 * once: a second save of the same respondent (another tab) waits for the next one.
 *
 * A statement that fails because of one save's data, or because PostgreSQL broke off a
 * deadlock, takes no one else down with it: its saves are then tried alone, one after
 * another, so only the save that cannot be made gets the error. Any other failure (the
 * database cannot be reached) is every save's error at once.
 */
import type { ConditionalSave } from './participation.ts'

/** Saves the given respondents' pages; returns the new answers version of each one saved. */
export type SaveAll = (saves: ConditionalSave[]) => Promise<Map<number, string>>

interface Waiting {
  save: ConditionalSave
  resolve: (version: string | null) => void
  reject: (error: unknown) => void
}

export interface SaveBatchesOptions {
  /**
   * Statements under way at once. More than one, so that a statement waiting for a row
   * (a submission in another tab holds it for a moment) does not hold up every save.
   */
  lanes: number
  /** Respondents per statement at most. */
  maxBatch: number
}

export class SaveBatches {
  private waiting: Waiting[] = []
  private lanesInUse = 0
  /** Respondents in a statement under way. */
  private readonly saving = new Set<number>()
  private readonly saveAll: SaveAll
  private readonly options: SaveBatchesOptions

  constructor(saveAll: SaveAll, options: SaveBatchesOptions) {
    this.saveAll = saveAll
    this.options = options
  }

  /** The answers' new version, or null when something changed and nothing was saved. */
  save(save: ConditionalSave): Promise<string | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ save, resolve, reject })
      this.startStatements()
    })
  }

  private startStatements(): void {
    while (this.lanesInUse < this.options.lanes && this.waiting.length > 0) {
      const batch: Waiting[] = []
      const left: Waiting[] = []
      for (const w of this.waiting) {
        if (batch.length < this.options.maxBatch && !this.saving.has(w.save.participantId)) {
          this.saving.add(w.save.participantId)
          batch.push(w)
        } else {
          left.push(w)
        }
      }
      this.waiting = left
      // Only saves of respondents already in a statement are waiting: that statement's end starts them.
      if (batch.length === 0) return
      void this.run(batch)
    }
  }

  private async run(batch: Waiting[]): Promise<void> {
    this.lanesInUse++
    try {
      await this.saveTogether(batch)
    } finally {
      this.lanesInUse--
      for (const w of batch) this.saving.delete(w.save.participantId)
      this.startStatements()
    }
  }

  private async saveTogether(batch: Waiting[]): Promise<void> {
    let saved: Map<number, string>
    try {
      saved = await this.saveAll(batch.map((w) => w.save))
    } catch (error) {
      if (batch.length > 1 && isCausedByOneSave(error)) {
        for (const w of batch) await this.saveTogether([w])
      } else {
        for (const w of batch) w.reject(error)
      }
      return
    }
    for (const w of batch) w.resolve(saved.get(w.save.participantId) ?? null)
  }
}

/**
 * PostgreSQL's error classes for data it refuses (22), a rule a row breaks (23) and a
 * transaction broken off, as in a deadlock (40): trying the saves alone makes sense.
 */
const ONE_SAVE_ERROR_CLASSES = new Set(['22', '23', '40'])

function isCausedByOneSave(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && ONE_SAVE_ERROR_CLASSES.has(code.slice(0, 2))
}
