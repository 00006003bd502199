/**
 * axe-core against WCAG 2.1 A and AA on the page now shown. Legacy mode runs axe in the
 * page itself; the default mode opens a blank page for every check to merge the results
 * of cross-origin frames, which Peiling's pages do not have, and that doubled the time
 * of a walk over every page of a questionnaire.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export interface AxeOutcome {
  /** The ids of the rules that passed. */
  passes: string[]
  /** The axe-core version that checked. */
  version: string
}

/** Fails with each violation and the elements it concerns; a page where almost nothing was checked fails too. */
export async function expectNoAxeViolations(page: Page, name: string): Promise<AxeOutcome> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode(true).analyze()
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  )
  expect(violations, `axe violations on ${name} (${page.url()})`).toEqual([])
  // Something must have been checked: a blank page passes axe too.
  expect(results.passes.length, name).toBeGreaterThan(10)
  return { passes: results.passes.map((p) => p.id), version: results.testEngine.version }
}
