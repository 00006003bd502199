import { describe, expect, it } from 'vitest'
import { roundTabsFor } from '#src/server/navigation/round-tabs.ts'

const current = (path: string) =>
  roundTabsFor(7, 'researcher', path, (key) => key)
    .filter((tab) => tab.current)
    .map((tab) => tab.href)

describe('roundTabsFor', () => {
  it('marks the tab of the page, and keeps it marked on its sub-pages', () => {
    expect(current('/beheer/rondes/7')).toEqual(['/beheer/rondes/7'])
    expect(current('/beheer/rondes/7/brieven')).toEqual(['/beheer/rondes/7/brieven'])
    expect(current('/beheer/rondes/7/brieven/3/voortgang')).toEqual(['/beheer/rondes/7/brieven'])
    expect(current('/beheer/rondes/7/papier/dubbel/12')).toEqual(['/beheer/rondes/7/papier'])
  })

  it('marks no tab for a page of the round that belongs to none, and not the overview for every page', () => {
    expect(current('/beheer/rondes/7/voorbeeld')).toEqual([])
    expect(current('/beheer/rondes/70/brieven')).toEqual([])
  })
})
