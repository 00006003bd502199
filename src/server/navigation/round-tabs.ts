/**
 * The tabs of a round's pages in the staff console (/beheer/rondes/:roundId/...).
 * Each screen adds its entry here; a role sees only the entries it may use.
 */
import type { MessageKey, Translate } from '#src/i18n/translate.ts'
import type { StaffRole } from '#src/server/db/schema.ts'

export interface RoundTab {
  /** The path below /beheer/rondes/:roundId, '' for the round's own page. */
  path: string
  /** A key in the UI texts. */
  label: MessageKey
  roles: readonly StaffRole[]
}

export const ROUND_TABS: RoundTab[] = [
  { path: '', label: 'management.rounds.tabs.overview', roles: ['researcher'] },
  // Fieldwork (names and addresses): researchers only.
  { path: 'import', label: 'fieldwork.tabs.import', roles: ['researcher'] },
  { path: 'steekproef', label: 'fieldwork.tabs.sample', roles: ['researcher'] },
  { path: 'brieven', label: 'fieldwork.tabs.letters', roles: ['researcher'] },
  { path: 'verzendingen', label: 'fieldwork.tabs.mailings', roles: ['researcher'] },
  // Counts only: administrators may watch the response too.
  { path: 'monitor', label: 'management.rounds.tabs.monitor', roles: ['researcher', 'administrator'] },
  { path: 'resultaten', label: 'management.rounds.tabs.results', roles: ['researcher'] },
  // Open answers, names flagged: researchers and administrators review them for the report.
  { path: 'citaten', label: 'management.rounds.tabs.quotes', roles: ['researcher', 'administrator'] },
  { path: 'rapport', label: 'management.rounds.tabs.report', roles: ['researcher'] },
  { path: 'export', label: 'management.rounds.tabs.export', roles: ['researcher'] },
  { path: 'papier', label: 'typist.staff.tab', roles: ['researcher'] },
]

export function roundTabsFor(roundId: number, role: StaffRole, currentPath: string, t: Translate) {
  return ROUND_TABS.filter((tab) => tab.roles.includes(role)).map((tab) => {
    const href = `/beheer/rondes/${roundId}${tab.path ? `/${tab.path}` : ''}`
    // A tab stays marked on its sub-pages (a batch's progress page under Brieven); the overview has none.
    return {
      href,
      label: t(tab.label),
      current: currentPath === href || (tab.path !== '' && currentPath.startsWith(`${href}/`)),
    }
  })
}
