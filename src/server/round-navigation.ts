/**
 * The tabs of a round's pages in the staff console (/beheer/rondes/:roundId/...).
 * Each screen adds its entry here; a role sees only the entries it may use.
 */
import type { StaffRole } from './db/schema.js'

export interface RoundTab {
  /** The path below /beheer/rondes/:roundId, '' for the round's own page. */
  path: string
  /** A key in the UI texts. */
  label: string
  roles: readonly StaffRole[]
}

export const ROUND_TABS: RoundTab[] = []

export function roundTabsFor(roundId: number, role: StaffRole, currentPath: string, t: (key: string) => string) {
  return ROUND_TABS.filter((tab) => tab.roles.includes(role)).map((tab) => {
    const href = `/beheer/rondes/${roundId}${tab.path ? `/${tab.path}` : ''}`
    return { href, label: t(tab.label), current: currentPath === href }
  })
}
