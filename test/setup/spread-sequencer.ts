/**
 * The order test files start in. Vitest's own order (longest first where it knows the
 * durations, else largest first, project by project) would start every browser file at
 * once: each runs Chromium beside its own server, and on a 2-core machine three of them
 * side by side slowed one another past their timeouts. Here the browser files are spread
 * evenly through the first two thirds of the queue, the largest first, so that mostly
 * one runs at a time while the database tests fill the other workers.
 */
import type { TestSpecification } from 'vitest/node'
import { BaseSequencer } from 'vitest/node'

export class SpreadSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const browser = sorted.filter((file) => file.project.name === 'browser')
    const others = sorted.filter((file) => file.project.name !== 'browser')
    if (browser.length === 0) return sorted
    // Spread over the first two thirds: a browser file takes half a minute or more, and
    // one started near the end ran alone while the other workers had nothing left to do.
    const gap = Math.max(1, Math.floor((others.length * 2) / 3 / browser.length))
    const spread: TestSpecification[] = []
    others.forEach((file, i) => {
      if (i % gap === 0 && browser.length > 0) spread.push(browser.shift()!)
      spread.push(file)
    })
    return [...spread, ...browser]
  }
}
