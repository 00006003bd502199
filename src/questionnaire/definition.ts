/**
 * The questionnaire definition format. One definition drives the web form, the printed
 * paper form, the paper-entry screen, the codebook and the export.
 *
 * Definitions are written as YAML (or JSON) files in `questionnaires/` and checked by
 * `validateDefinition` (see validate.ts), which reports every fault with its path.
 */

/** A text in several languages. Dutch is required; other languages fall back to Dutch. */
export interface LangText {
  nl: string
  [language: string]: string
}

/** One answer option. `value` is the code stored, printed on paper and keyed by typists. */
export interface AnswerOption {
  value: number
  label: LangText
  /** "Anders, namelijk …": choosing this option asks for a short text too. */
  other?: boolean
  /** Marks "weet niet / n.v.t." style options: excluded from means in the results view. */
  missing?: boolean
}

/** A condition on earlier answers or on the respondent's stratum (municipality). */
export type Condition =
  /** The answer to `question` equals `value` (for multiple choice: `value` is among those ticked). */
  | { question: string; equals: number }
  /** The answer to `question` is given and differs from `value` (multiple choice: `value` not ticked). */
  | { question: string; notEquals: number }
  /** The answer is one of `values` (multiple choice: any of them ticked). */
  | { question: string; in: number[] }
  /** The question has an answer. */
  | { question: string; answered: true }
  /** The respondent's stratum is one of these stratum codes. */
  | { stratum: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }

interface QuestionBase {
  /** Stable id: the variable name in the export. Lower case, letters, digits and underscores. */
  id: string
  /** The number printed on paper and shown on screen, e.g. "7". */
  number: string
  text: LangText
  /** Extra explanation under the question text. */
  help?: LangText
  showIf?: Condition
  /**
   * The online form cannot be submitted without an answer (for a grid: to every item;
   * for multiple choice: at least one tick). Paper cannot enforce this, so paper entry
   * validates with `partial`. Use sparingly: a respondent who cannot go on often stops.
   */
  required?: boolean
  /**
   * Concept key: questions that measure the same thing carry the same key across
   * versions and questionnaires (a reworded question keeps it, a new one gets its own),
   * so trends and reference figures can match them. E.g. "tevredenheid_algemeen".
   */
  concept?: string
}

/** Rapportcijfer 1–10, optionally with a "weet niet / geen ervaring" option. */
export interface GradeQuestion extends QuestionBase {
  type: 'grade'
  /** The "weet niet" option; its value must lie outside 1–10 (99 by convention). */
  dontKnow?: AnswerOption
}

/**
 * Answers that end the questionnaire: whoever gives one is not in the survey's target
 * group (e.g. "no contact with the department in the last 12 months"). The questions
 * after it are skipped as routing skips them, the respondent sees `text` instead of the
 * usual thank-you, and the response is stored as screened out ("niet in doelgroep"):
 * kept and exported, but counted neither as a response nor as non-response.
 */
export interface ScreenOut {
  /** The answer codes that end it; each must be a value of the question. */
  values: number[]
  /** The end page's text, e.g. "Deze vragenlijst is alleen voor … Bedankt voor uw moeite." */
  text: LangText
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single'
  options: AnswerOption[]
  screenOut?: ScreenOut
  /**
   * The options run from one end to the other (age bands, durations, chances): an
   * ordinal variable in the codebook and SPSS, not a nominal one.
   */
  ordered?: boolean
}

export interface MultipleChoiceQuestion extends QuestionBase {
  type: 'multiple'
  options: AnswerOption[]
  /** At most this many options may be ticked. */
  max?: number
}

/** Ja (1) / Nee (2). */
export interface YesNoQuestion extends QuestionBase {
  type: 'yesno'
  screenOut?: ScreenOut
}

export interface NumberQuestion extends QuestionBase {
  type: 'number'
  min: number
  max: number
  unit?: LangText
}

export interface TextQuestion extends QuestionBase {
  /** `text` is one line, `longtext` a text area. */
  type: 'text' | 'longtext'
  maxLength?: number
}

/** A shared scale for a grid: a list of options, or the 1–10 grade with an optional "weet niet". */
export type GridScale = { type: 'options'; options: AnswerOption[] } | { type: 'grade'; dontKnow?: AnswerOption }

export interface GridItem {
  /** The item id; the export variable is `<question id>_<item id>`. */
  id: string
  /** Printed letter or number, e.g. "a". */
  number: string
  text: LangText
  /** Concept key of this statement, as for a question (see `QuestionBase.concept`). */
  concept?: string
}

/** Statement grid: several items answered on one shared scale. On a phone each item becomes its own question. */
export interface GridQuestion extends QuestionBase {
  type: 'grid'
  /** The name of a scale in `QuestionnaireDefinition.scales`. */
  scale: string
  items: GridItem[]
}

/**
 * Ranking: the respondent puts up to `max` of the items in order, 1 first. Each item
 * is a variable `<question id>_<item id>` holding its rank; an item not ranked stays empty.
 */
export interface RankingQuestion extends QuestionBase {
  type: 'ranking'
  items: GridItem[]
  /** How many items get a rank at most (k of n); every item when absent. */
  max?: number
}

/**
 * Constant sum: amounts over the items that must add up to `total` (100 points, 24 hours).
 * Each item is a variable `<question id>_<item id>` holding its amount.
 */
export interface ConstantSumQuestion extends QuestionBase {
  type: 'constantsum'
  items: GridItem[]
  total: number
  /** Written after every amount, e.g. "punten" or "%". */
  unit?: LangText
}

export type Question =
  | GradeQuestion
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | YesNoQuestion
  | NumberQuestion
  | TextQuestion
  | GridQuestion
  | RankingQuestion
  | ConstantSumQuestion

/** Questions whose items each hold a number of their own: ranking and constant sum. */
export type ItemNumbersQuestion = RankingQuestion | ConstantSumQuestion

export type QuestionType = Question['type']

export interface Section {
  id: string
  title: LangText
  intro?: LangText
  showIf?: Condition
  questions: Question[]
}

export interface QuestionnaireDefinition {
  /** Stable key, e.g. "kto-participatiewet". */
  id: string
  /** Increased on every change; a round freezes one version. */
  version: number
  title: LangText
  /** Shown on the first page. */
  intro?: LangText
  /** Shown on the thank-you page. */
  outro?: LangText
  /** Languages offered, Dutch first. Right-to-left languages (ar) are rendered with dir="rtl". */
  languages: string[]
  /** Named scales shared by grid questions. */
  scales?: Record<string, GridScale>
  sections: Section[]
}

/**
 * One respondent's answers, keyed by variable:
 * - grade, single, yesno, number: the question id → number
 * - multiple: the question id → array of ticked values
 * - text, longtext: the question id → string
 * - grid: `<question id>_<item id>` → number
 * - ranking, constantsum: `<question id>_<item id>` → the item's rank or amount
 * - "other, namely" text: `<question id>_other` → string
 */
export type AnswerValue = number | number[] | string
export type Answers = Record<string, AnswerValue>

/** What routing may look at besides the answers. */
export interface RespondentContext {
  stratum: string
}
