/**
 * The staff console's menu. Each screen adds its entry here; a role sees only the
 * entries it may use.
 */
import type { StaffRole } from './db/schema.js'

export interface NavigationEntry {
  href: string
  /** A key in the UI texts, e.g. "staff.nav.home". */
  label: string
  roles: readonly StaffRole[]
}

export const STAFF_NAVIGATION: NavigationEntry[] = [
  { href: '/beheer', label: 'staff.nav.home', roles: ['administrator', 'researcher'] },
]

export function navigationFor(role: StaffRole, currentPath: string, t: (key: string) => string) {
  return STAFF_NAVIGATION.filter((e) => e.roles.includes(role)).map((e) => ({
    href: e.href,
    label: t(e.label),
    current: currentPath === e.href || (e.href !== '/beheer' && currentPath.startsWith(e.href + '/')),
  }))
}
