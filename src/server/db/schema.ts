/**
 * Table types for Kysely. Each migration that changes a table changes its type here.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { QuestionnaireDefinition, Answers } from '../../questionnaire/definition.js'

/** A `date` column: always the string YYYY-MM-DD (see type-parsers.ts). */
export type CalendarDate = string
type CreatedAt = ColumnType<Date, Date | string | undefined, never>

export type RoundStatus = 'draft' | 'open' | 'closed' | 'purged'
export type ResponseMode = 'online' | 'paper'
export type ParticipantStatus = 'pending' | 'in_progress' | 'completed'
export type ResponseStatus = 'in_progress' | 'partial' | 'complete'
export type Wave = 'before_reminder' | 'after_reminder'
export type StaffRole = 'administrator' | 'researcher' | 'typist'

export interface QuestionnairesTable {
  id: Generated<number>
  key: string
  version: number
  title: string
  definition: ColumnType<QuestionnaireDefinition, string, string>
  created_at: CreatedAt
}

export interface RoundsTable {
  id: Generated<number>
  name: string
  questionnaire_id: number
  status: ColumnType<RoundStatus, RoundStatus | undefined, RoundStatus>
  opens_on: CalendarDate
  closes_on: CalendarDate
  retention_until: CalendarDate | null
  double_keying: Generated<boolean>
  created_at: CreatedAt
}

export interface StrataTable {
  id: Generated<number>
  round_id: number
  code: string
  name: string
}

export interface ParticipantsTable {
  id: Generated<number>
  round_id: number
  stratum_id: number
  code: string | null
  client_number: string | null
  initials: string | null
  name_prefix: string | null
  last_name: string | null
  street: string | null
  house_number: string | null
  house_number_suffix: string | null
  postcode: string | null
  city: string | null
  email: string | null
  language: Generated<string>
  status: ColumnType<ParticipantStatus, ParticipantStatus | undefined, ParticipantStatus>
  completed_mode: ResponseMode | null
  opted_out: Generated<boolean>
  mail_returned: Generated<boolean>
}

export interface ResponsesTable {
  id: Generated<string>
  round_id: number
  stratum_id: number
  mode: ResponseMode
  status: ResponseStatus
  participant_id: number | null
  answers: ColumnType<Answers, string | undefined, string>
  language: Generated<string>
  wave: Wave | null
}

export interface DailyCountsTable {
  round_id: number
  stratum_id: number
  mode: ResponseMode
  day: CalendarDate
  count: number
}

export interface MailingsTable {
  id: Generated<number>
  round_id: number
  kind: 'invitation' | 'reminder'
  channel: 'letter' | 'email'
  created_at: CreatedAt
  created_by: number | null
  recipient_count: Generated<number>
}

export interface StaffUsersTable {
  id: Generated<number>
  username: string
  display_name: string
  password_hash: string
  role: StaffRole
  totp_secret: string | null
  active: Generated<boolean>
  created_at: CreatedAt
}

export interface RateLimitHitsTable {
  key: string
  window_start: Date
  hits: number
}

export interface AuditLogTable {
  id: Generated<number>
  at: CreatedAt
  user_id: number | null
  username: string | null
  action: string
  round_id: number | null
  details: ColumnType<Record<string, unknown>, string | undefined, never>
}

export interface Database {
  questionnaires: QuestionnairesTable
  rounds: RoundsTable
  strata: StrataTable
  participants: ParticipantsTable
  responses: ResponsesTable
  daily_counts: DailyCountsTable
  mailings: MailingsTable
  staff_users: StaffUsersTable
  rate_limit_hits: RateLimitHitsTable
  audit_log: AuditLogTable
}

export type Round = Selectable<RoundsTable>
export type Stratum = Selectable<StrataTable>
export type Participant = Selectable<ParticipantsTable>
export type NewParticipant = Insertable<ParticipantsTable>
export type ParticipantUpdate = Updateable<ParticipantsTable>
export type Response = Selectable<ResponsesTable>
export type StaffUser = Selectable<StaffUsersTable>
