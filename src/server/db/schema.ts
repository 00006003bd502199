/**
 * Table types for Kysely. Each migration that changes a table changes its type here.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { QuestionnaireDefinition, Answers } from '#src/questionnaire/definition.ts'
import type { FormLayout } from '#src/mailmerge/paper-layout.ts'

/** A `date` column: always the string YYYY-MM-DD (see type-parsers.ts). */
export type CalendarDate = string
type CreatedAt = ColumnType<Date, Date | string | undefined, never>

export type RoundStatus = 'draft' | 'open' | 'closed' | 'purged'
export type ResponseMode = 'online' | 'paper'
export type ParticipantStatus = 'pending' | 'in_progress' | 'completed'
/**
 * Complete: submitted or keyed. Partial: started online and not submitted when the round
 * closed. Screened out: ended by a screen-out answer (not in the target group, migration 012).
 */
export type ResponseStatus = 'partial' | 'complete' | 'screened_out'
export type Wave = 'before_reminder' | 'after_reminder'
export type StaffRole = 'administrator' | 'researcher' | 'typist'
/** A file in questionnaires/ installed at start, or a version a researcher uploaded. */
export type QuestionnaireOrigin = 'built-in' | 'uploaded'

export interface QuestionnairesTable {
  id: Generated<number>
  key: string
  version: number
  title: string
  definition: ColumnType<QuestionnaireDefinition, string, string>
  created_at: CreatedAt
  origin: ColumnType<QuestionnaireOrigin, QuestionnaireOrigin | undefined, QuestionnaireOrigin>
  /** The version this one was made from, for the diff. */
  based_on_id: number | null
  uploaded_by: string | null
  /** When an uploaded draft version was last replaced by a new upload of the same key and version. */
  replaced_at: Date | null
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
  /** The planned reminder day (management migration). */
  reminder_on: CalendarDate | null
  /** Results of smaller groups are suppressed (management migration). */
  min_group_size: Generated<number>
  /** How many completed responses must wait before they are added together (anonymous-storage migration). */
  release_batch_size: Generated<number>
  /** Paper answers to questions the routing skips: counted as on paper, or left out (paper-outside-routing migration). */
  count_outside_routing: Generated<boolean>
  /** Whole percents: the lowest confidence levels called "zeer betrouwbaar" and "betrouwbaar" (reliability-thresholds migration). */
  very_reliable_percent: Generated<number>
  reliable_percent: Generated<number>
  /** What the report compares with, as the researcher last chose it (report-choices migration). */
  report_choices: ColumnType<ReportChoices | null, string | null | undefined, string | null>
}

/** Round ids for trend columns and the reference group, a set of reference figures, weighting on or off. */
export interface ReportChoices {
  trendRoundIds: number[]
  referenceRoundIds: number[]
  referenceSetId: number | null
  weigh: boolean
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
  /** The e-mail address bounced: not mailed again (fieldwork migration). */
  email_bounced: Generated<boolean>
  /** The layout the participant's paper form was last printed with (scans migration). */
  paper_layout_id: number | null
}

/**
 * A response as analysed and exported. Names nobody, carries no date, and shares no
 * transaction with any row that names a person: rows come only from responses_waiting,
 * moved in batches (services/responses/release-responses.ts).
 */
export interface ResponsesTable {
  id: Generated<string>
  round_id: number
  stratum_id: number
  mode: ResponseMode
  status: ResponseStatus
  answers: ColumnType<Answers, string | undefined, string>
  language: Generated<string>
  wave: Wave | null
  /** Paper only: marks, values that are no code, answers outside routing, "no code" (paper-entry migration). */
  paper_coding: ColumnType<PaperCoding | null, string | null | undefined, string | null>
}

/** Answers being filled in online, so the respondent can resume (anonymous-storage migration). */
export interface AnswersInProgressTable {
  participant_id: number
  answers: ColumnType<Answers, string | undefined, string>
  language: Generated<string>
}

/**
 * A completed response waiting to be added to `responses`: written by the transaction that
 * completes the participant, so it names nobody either (anonymous-storage migration).
 */
export interface ResponsesWaitingTable {
  round_id: number
  stratum_id: number
  mode: ResponseMode
  status: ResponseStatus
  answers: ColumnType<Answers, string, never>
  language: string
  wave: Wave | null
  paper_coding: ColumnType<PaperCoding | null, string | null | undefined, never>
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
  /** The last TOTP time step accepted, so a code works once (management migration). */
  totp_last_step: number | null
  must_change_password: Generated<boolean>
}

/** Per-stratum participant counts kept when a round's personal data is purged. */
export interface StratumCountsTable {
  round_id: number
  stratum_id: number
  invited: number
  opted_out: number
  mail_returned: number
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

// --- Fieldwork (migration 002): import staging, sample, letters, mailings, e-mail queue.

/** A client file between preview and confirmation; the JSON shapes live in services/client-import.ts. */
export interface ImportUploadsTable {
  id: Generated<string>
  round_id: number
  created_by: number | null
  created_at: CreatedAt
  file_name: string
  rows: ColumnType<unknown, string, string>
  problems: ColumnType<unknown, string, string>
}

export type SampleMethod = 'everyone' | 'random'

export interface SamplesTable {
  round_id: number
  stratum_id: number
  method: SampleMethod
  population: number
  selected: number
  seed: number
  population_sha256: string
  created_at: CreatedAt
  created_by: number | null
}

export type MailingKind = 'invitation' | 'reminder'

export interface LetterTemplatesTable {
  id: Generated<number>
  round_id: number
  /** null: the round's own template, used where a municipality has none. */
  stratum_id: number | null
  kind: MailingKind
  /** The texts staff edit; the shape lives in services/letter-templates.ts. */
  content: ColumnType<unknown, string, string>
  logo: Uint8Array | null
  logo_type: 'image/png' | 'image/jpeg' | null
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
  updated_by: number | null
}

export interface MailingRecipientsTable {
  mailing_id: number
  participant_id: number
}

export type LetterBatchContent = 'letters' | 'questionnaires' | 'sets'
export type LetterBatchStatus = 'queued' | 'running' | 'done' | 'failed'

export interface LetterBatchesTable {
  id: Generated<number>
  round_id: number
  mailing_id: number
  stratum_id: number
  content: LetterBatchContent
  status: ColumnType<LetterBatchStatus, LetterBatchStatus | undefined, LetterBatchStatus>
  total: number
  done: Generated<number>
  file_name: string | null
  file_size: number | null
  error: string | null
  created_at: CreatedAt
  created_by: number | null
  heartbeat_at: Date | null
  finished_at: Date | null
}

export type EmailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'skipped'

export interface EmailMessagesTable {
  id: Generated<number>
  mailing_id: number
  participant_id: number
  status: ColumnType<EmailStatus, EmailStatus | undefined, EmailStatus>
  attempts: Generated<number>
  last_error: string | null
  message_id: string
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>
  claimed_at: Date | null
}

/** A paper form being keyed, per typist per code (paper-entry migration). */
export interface PaperDraftsTable {
  id: Generated<string>
  round_id: number
  typist_id: number
  participant_id: number | null
  /** Set for the second keying of a form without code (double keying). */
  form_number: number | null
  stratum_id: number
  fields: ColumnType<KeyedFields, string | undefined, string>
}

/** One keying of a form in a round with double keying, until it is reconciled. */
export interface PaperKeyingsTable {
  id: Generated<string>
  round_id: number
  stratum_id: number
  participant_id: number | null
  form_number: number | null
  typist_id: number
  fields: ColumnType<KeyedFields, string, string>
  language: Generated<string>
  wave: Wave
  keyed_on: CalendarDate
}

/** A paper form for a code that already had a response, until a researcher resolves it. */
export interface PaperDuplicatesTable {
  id: Generated<string>
  round_id: number
  stratum_id: number
  participant_id: number
  earlier_mode: ResponseMode
  typist_id: number
  fields: ColumnType<KeyedFields, string, string>
  language: Generated<string>
  wave: Wave
}

/** Keying work per typist per day: counts only. */
export interface PaperKeyingStatsTable {
  round_id: number
  typist_id: number
  day: CalendarDate
  forms: Generated<number>
  fields_compared: Generated<number>
  fields_differing: Generated<number>
  fields_corrected: Generated<number>
}

// --- Translations (migration 008): corrected texts and each language's review status.

/** A text a researcher corrected: it goes before the shipped text of that language and key. */
export interface TranslationTextsTable {
  language: string
  key: string
  text: string
}

export type ReviewStatus = 'draft' | 'checked'

export interface TranslationLanguagesTable {
  language: string
  status: ColumnType<ReviewStatus, ReviewStatus | undefined, ReviewStatus>
  /** What was checked (services/translations/texts-in-force.ts): a check holds while the texts stay the same. */
  checked_fingerprint: string | null
  checked_by: number | null
  checked_at: Date | null
  uploaded_by: number | null
  uploaded_at: ColumnType<Date, Date | string | undefined, Date | string>
  /** One more at every upload: an app instance with an older revision loads the texts again. */
  revision: Generated<number>
}

/** One imported file of reference figures (migration 014). */
export interface ReferenceSetsTable {
  id: Generated<number>
  name: string
  source: string
  year: number
  imported_at: CreatedAt
  imported_by: number | null
}

/** A reference figure as the file gave it: a mean 1–10 or a percentage 0–100. */
export interface ReferenceFiguresTable {
  set_id: number
  concept: string
  statistic: string
  value: number
  n: number
}

export type Sex = 'man' | 'vrouw' | 'anders'

/** Clients of the imported client file per stratum, birth year and sex (migration 015); null is unknown. */
export interface PopulationMarginsTable {
  round_id: number
  stratum_id: number
  birth_year: number | null
  sex: Sex | null
  clients: number
}

// --- Quotes (migration 016): open answers reviewed for the report, and names to flag in them.

export type QuoteDecision = 'accepted' | 'rejected'

/**
 * A researcher's review of one open answer (`variable`) of a response: the text a report
 * may quote, names replaced. No date, no staff member, no foreign key to the response
 * (the migration says why); a trigger deletes it with the response.
 */
export interface QuoteReviewsTable {
  response_id: string
  variable: string
  round_id: number
  decision: QuoteDecision
  /** The accepted text; null when the answer is not to be used. */
  reviewed_text: string | null
  /** The researcher chose it for the report. */
  print: Generated<boolean>
}

/** Names the flagger looks for in a round's open answers, e.g. the municipality's client managers. */
export interface QuoteNamesTable {
  round_id: number
  /** One name per line, as uploaded (trimmed, without empty lines). */
  names: string
}

// --- Scanned paper forms (scans migration; src/scan reads them).

export interface PaperLayoutsTable {
  id: Generated<number>
  round_id: number
  language: string
  stratum_code: string | null
  fingerprint: string
  /** A FormLayout of src/mailmerge/paper-layout.ts. */
  layout: ColumnType<FormLayout, string, string>
  created_at: CreatedAt
}

export type ScanBatchStatus = 'reading' | 'done' | 'failed'

export interface ScanBatchesTable {
  id: Generated<number>
  round_id: number
  created_by: number | null
  created_at: CreatedAt
  file_name: string
  status: ColumnType<ScanBatchStatus, ScanBatchStatus | undefined, ScanBatchStatus>
  error: string | null
}

/**
 * Why a scanned page is not used, listed with its scan and never guessed:
 * - barcode: no form barcode could be read;
 * - marks: the registration marks were not found (not a form printed here, or cut off);
 * - unknownCode: the barcode's code is no participant of this round;
 * - noLayout: the form of that code was printed before layouts were recorded;
 * - pageTwice: the same page of the same form came in before;
 * - formStored: that form is stored already (or checked from another scan).
 */
export type ScanPageProblem = 'barcode' | 'marks' | 'unknownCode' | 'noLayout' | 'pageTwice' | 'formStored'

export type ScanPageStatus = 'pending' | 'read' | 'problem'

export interface ScanPagesTable {
  id: Generated<number>
  batch_id: number
  round_id: number
  position: number
  /** The page as a grey PNG. */
  image: Buffer
  status: ColumnType<ScanPageStatus, ScanPageStatus | undefined, ScanPageStatus>
  problem: ScanPageProblem | null
  form_id: string | null
  form_page: number | null
  /** A PagePlacement of src/scan. */
  placement: ColumnType<unknown, string | null | undefined, string | null>
  /** A PageMarks of src/scan: what each answer area of the page shows. */
  marks: ColumnType<unknown, string | null | undefined, string | null>
}

export type ScanFormStatus = 'incomplete' | 'ready'

export interface ScanFormsTable {
  id: Generated<string>
  round_id: number
  participant_id: number
  layout_id: number
  status: ColumnType<ScanFormStatus, ScanFormStatus | undefined, ScanFormStatus>
  /** A FormReading of src/scan, once every page is there. */
  reading: ColumnType<unknown, string | null | undefined, string | null>
  created_at: CreatedAt
}

export interface Database {
  questionnaires: QuestionnairesTable
  rounds: RoundsTable
  strata: StrataTable
  participants: ParticipantsTable
  responses: ResponsesTable
  answers_in_progress: AnswersInProgressTable
  responses_waiting: ResponsesWaitingTable
  paper_drafts: PaperDraftsTable
  paper_keyings: PaperKeyingsTable
  paper_duplicates: PaperDuplicatesTable
  paper_keying_stats: PaperKeyingStatsTable
  daily_counts: DailyCountsTable
  mailings: MailingsTable
  staff_users: StaffUsersTable
  rate_limit_hits: RateLimitHitsTable
  audit_log: AuditLogTable
  stratum_counts: StratumCountsTable
  import_uploads: ImportUploadsTable
  samples: SamplesTable
  letter_templates: LetterTemplatesTable
  mailing_recipients: MailingRecipientsTable
  letter_batches: LetterBatchesTable
  email_messages: EmailMessagesTable
  translation_texts: TranslationTextsTable
  translation_languages: TranslationLanguagesTable
  reference_sets: ReferenceSetsTable
  reference_figures: ReferenceFiguresTable
  population_margins: PopulationMarginsTable
  quote_reviews: QuoteReviewsTable
  quote_names: QuoteNamesTable
  paper_layouts: PaperLayoutsTable
  scan_batches: ScanBatchesTable
  scan_pages: ScanPagesTable
  scan_forms: ScanFormsTable
}

export type Round = Selectable<RoundsTable>
export type Stratum = Selectable<StrataTable>
export type Participant = Selectable<ParticipantsTable>
export type NewParticipant = Insertable<ParticipantsTable>
export type ParticipantUpdate = Updateable<ParticipantsTable>
export type Response = Selectable<ResponsesTable>
export type StaffUser = Selectable<StaffUsersTable>

// --- Paper entry: the JSON shapes of paper_coding and keyed fields (services/paper/paper-coding.ts explains them).

/**
 * What a typist keyed, per answer key (see `Answers` in src/questionnaire/definition.ts),
 * normalised: "7", "1 3" (ticks of a multiple-choice question), "m", "?", a number, a
 * text. Blank fields are absent.
 */
export type KeyedFields = Record<string, string>

/** A special code a typist keys instead of an answer. */
export type PaperMark = 'multiple' | 'unreadable'

export interface PaperCoding {
  /**
   * The form had no (readable) login code: it was keyed under the stratum the typist
   * chose, belongs to no participant, and is counted apart.
   */
  noCode: boolean
  /** Answer keys keyed with a mark instead of an answer. Not in `answers`. */
  marks: Record<string, PaperMark>
  /** Answer keys whose keyed value is no valid answer, with the text as keyed. Not in `answers`. */
  invalid: Record<string, string>
  /**
   * Answer keys that ARE in `answers` although the questionnaire's routing would have
   * skipped the question (or an "anders, namelijk" text without its box ticked).
   */
  outsideRouting: string[]
  /**
   * Rankings and constant sums whose numbers are kept as written although they do not fit
   * together (a skipped rank, a sum that is not the total): their question ids.
   */
  inconsistent?: string[]
}
