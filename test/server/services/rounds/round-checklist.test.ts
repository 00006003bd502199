import { describe, expect, it } from 'vitest'
import type { ChecklistFacts } from '#src/server/services/rounds/round-checklist.ts'
import { checklistSteps } from '#src/server/services/rounds/round-checklist.ts'

const READY: ChecklistFacts = {
  incompleteTemplates: [],
  publicUrlProblem: undefined,
  clients: 3012,
  sampled: 2300,
  invitations: 2300,
  status: 'open',
  reminderOn: '2026-12-20',
  remindersMade: false,
}

const stateOf = (facts: ChecklistFacts) => Object.fromEntries(checklistSteps(facts).map((s) => [s.key, s.state]))
const nextOf = (facts: ChecklistFacts) => checklistSteps(facts).find((s) => s.next)?.key

describe('the round checklist', () => {
  it('has every step done and no next step when all is there', () => {
    expect(Object.values(stateOf(READY))).toEqual(Array(7).fill('done'))
    expect(nextOf(READY)).toBeUndefined()
  })

  it('marks the first step that is not done as the next one', () => {
    const draft = { ...READY, status: 'draft' as const, invitations: 0, sampled: null, reminderOn: null }
    expect(stateOf(draft)).toMatchObject({ sample: 'todo', letters: 'todo', open: 'todo', reminder: 'todo' })
    expect(nextOf(draft)).toBe('sample')
    expect(nextOf({ ...READY, clients: 0, sampled: null })).toBe('clients')
  })

  it('reports a localhost PUBLIC_URL and an incomplete template as problems', () => {
    const facts = {
      ...READY,
      publicUrlProblem: 'notPublic' as const,
      incompleteTemplates: [{ stratum: 'Borne', kind: 'invitation' as const }],
    }
    expect(stateOf(facts)).toMatchObject({ template: 'problem', publicUrl: 'problem' })
    expect(nextOf(facts)).toBe('template')
    expect(checklistSteps(facts).find((s) => s.key === 'template')?.params).toEqual({ count: 1 })
  })

  it('counts a reminder that was made, even without a planned day', () => {
    const steps = checklistSteps({ ...READY, reminderOn: null, remindersMade: true })
    expect(steps.find((s) => s.key === 'reminder')).toMatchObject({ state: 'done', text: 'reminder.sent' })
  })
})
