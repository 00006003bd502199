/**
 * The round page's checklist: every step from template to reminder, whether it is done,
 * and which comes next. It reads the same facts the steps themselves check (the template
 * check of print-readiness.ts, the public address, the sample), so the list cannot say "ready" when printing
 * would refuse.
 */
import type { DB } from '#src/server/db/connect.ts'
import type { CalendarDate, MailingKind } from '#src/server/db/schema.ts'
import { printProblems } from '#src/server/services/fieldwork/print-readiness.ts'
import type { PublicUrlProblem } from '#src/server/services/fieldwork/public-url.ts'
import { publicUrlProblem } from '#src/server/services/fieldwork/public-url.ts'

export type ChecklistStepKey = 'template' | 'publicUrl' | 'clients' | 'sample' | 'letters' | 'open' | 'reminder'

export type ChecklistState = 'done' | 'todo' | 'problem'

export interface ChecklistStep {
  key: ChecklistStepKey
  state: ChecklistState
  /** The step's text below management.rounds.checklist.steps, e.g. "sample.done". */
  text: string
  /** Values for the step's text: counts, dates, what is missing. */
  params: Record<string, string | number>
  /** Where the step is done, under /beheer/rondes/<id>; null when it is not done in Peiling (PUBLIC_URL) or cannot be again. */
  path: string | null
  /** The first step that is not done: what to do now. */
  next: boolean
}

const KINDS: MailingKind[] = ['invitation', 'reminder']

/**
 * "Hengelo (herinnering)" for each municipality and kind whose letters printing would
 * refuse (print-readiness.ts: the same check the print steps make).
 */
async function incompleteTemplates(
  db: DB,
  roundId: number,
  publicUrl: string,
): Promise<Array<{ stratum: string; kind: MailingKind }>> {
  const incomplete: Array<{ stratum: string; kind: MailingKind; stratumId: number }> = []
  for (const kind of KINDS) {
    const problems = await printProblems(db, roundId, kind, publicUrl)
    for (const t of problems?.templates ?? []) incomplete.push({ stratum: t.stratumName, kind, stratumId: t.stratumId })
  }
  return incomplete
    .sort((x, y) => x.stratumId - y.stratumId || KINDS.indexOf(x.kind) - KINDS.indexOf(y.kind))
    .map(({ stratum, kind }) => ({ stratum, kind }))
}

export interface ChecklistFacts {
  incompleteTemplates: Array<{ stratum: string; kind: MailingKind }>
  publicUrlProblem: PublicUrlProblem | undefined
  clients: number
  sampled: number | null
  invitations: number
  status: 'draft' | 'open' | 'closed' | 'purged'
  reminderOn: CalendarDate | null
  remindersMade: boolean
}

export async function checklistFacts(db: DB, publicUrl: string, roundId: number): Promise<ChecklistFacts> {
  const round = await db
    .selectFrom('rounds')
    .select(['status', 'reminder_on'])
    .where('id', '=', roundId)
    .executeTakeFirstOrThrow()
  const clients = await db
    .selectFrom('participants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow()
  const samples = await db.selectFrom('samples').select('selected').where('round_id', '=', roundId).execute()
  const mailings = await db
    .selectFrom('mailings')
    .select(['kind', 'recipient_count'])
    .where('round_id', '=', roundId)
    .execute()
  return {
    incompleteTemplates: await incompleteTemplates(db, roundId, publicUrl),
    publicUrlProblem: publicUrlProblem(publicUrl),
    clients: Number(clients.n),
    sampled: samples.length > 0 ? samples.reduce((n, s) => n + s.selected, 0) : null,
    invitations: mailings.filter((m) => m.kind === 'invitation').reduce((n, m) => n + m.recipient_count, 0),
    status: round.status,
    reminderOn: round.reminder_on,
    remindersMade: mailings.some((m) => m.kind === 'reminder'),
  }
}

/** The steps in the order they are usually done, from the facts; pure, so each state is easy to test. */
export function checklistSteps(facts: ChecklistFacts): ChecklistStep[] {
  const steps: Array<Omit<ChecklistStep, 'next' | 'text'>> = [
    {
      key: 'template',
      state: facts.incompleteTemplates.length === 0 ? 'done' : 'problem',
      params: { count: facts.incompleteTemplates.length },
      path: '/brieven',
    },
    {
      key: 'publicUrl',
      state: facts.publicUrlProblem ? 'problem' : 'done',
      params: { problem: facts.publicUrlProblem ?? '' },
      path: null,
    },
    {
      key: 'clients',
      state: facts.clients > 0 ? 'done' : 'todo',
      params: { count: facts.clients },
      path: '/import',
    },
    {
      key: 'sample',
      state: facts.sampled !== null ? 'done' : 'todo',
      params: { count: facts.sampled ?? 0 },
      path: '/steekproef',
    },
    {
      key: 'letters',
      state: facts.invitations > 0 ? 'done' : 'todo',
      params: { count: facts.invitations },
      path: '/brieven',
    },
    {
      key: 'open',
      state: facts.status === 'draft' ? 'todo' : 'done',
      params: {},
      path: facts.status === 'draft' ? '/openen' : null,
    },
    {
      key: 'reminder',
      state: facts.reminderOn || facts.remindersMade ? 'done' : 'todo',
      params: { date: facts.reminderOn ?? '' },
      path: facts.remindersMade || facts.reminderOn ? '/verzendingen' : '#settings-title',
    },
  ]
  const next = steps.findIndex((s) => s.state !== 'done')
  return steps.map((s, i) => ({
    ...s,
    text: s.key === 'reminder' && facts.remindersMade ? 'reminder.sent' : `${s.key}.${s.state}`,
    next: i === next,
  }))
}
