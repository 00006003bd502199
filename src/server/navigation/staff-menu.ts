/**
 * The staff console's menu. Each screen adds its entry here; a role sees only the
 * entries it may use.
 */
import type { MessageKey, Translate } from '#src/i18n/translate.ts'
import type { StaffRole } from '#src/server/db/schema.ts'

export interface NavigationEntry {
  href: string
  /** A key in the UI texts, e.g. "staff.nav.home". */
  label: MessageKey
  roles: readonly StaffRole[]
}

export const STAFF_NAVIGATION: NavigationEntry[] = [
  { href: '/beheer', label: 'staff.nav.home', roles: ['administrator', 'researcher'] },
  { href: '/beheer/rondes', label: 'staff.nav.rounds', roles: ['researcher'] },
  { href: '/beheer/vragenlijsten', label: 'staff.nav.questionnaires', roles: ['researcher'] },
  { href: '/beheer/vertalingen', label: 'staff.nav.translations', roles: ['researcher'] },
  { href: '/beheer/referentiecijfers', label: 'staff.nav.referenceFigures', roles: ['administrator', 'researcher'] },
  { href: '/beheer/accounts', label: 'staff.nav.accounts', roles: ['administrator'] },
  { href: '/beheer/audit', label: 'staff.nav.audit', roles: ['administrator', 'researcher'] },
  { href: '/beheer/account', label: 'staff.nav.account', roles: ['administrator', 'researcher', 'typist'] },
  { href: '/invoer', label: 'typist.nav.entry', roles: ['typist', 'researcher'] },
]

export function navigationFor(role: StaffRole, currentPath: string, t: Translate) {
  return STAFF_NAVIGATION.filter((e) => e.roles.includes(role)).map((e) => ({
    href: e.href,
    label: t(e.label),
    current: currentPath === e.href || (e.href !== '/beheer' && currentPath.startsWith(`${e.href}/`)),
  }))
}
