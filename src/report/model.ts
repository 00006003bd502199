/**
 * The report of a round as data: what the municipal KTO reports show (REPORTS.md), worked
 * out once and then rendered as an HTML page (views/staff/report/) and as a DOCX file
 * (render-docx.ts). Renderers only lay it out: every figure, label, suppression and
 * significance mark is decided here, so the two outputs cannot disagree.
 *
 * Shares are fractions (0.42), means are on the question's scale; renderers format them
 * the Dutch way ("42%", "7,6"). Texts are in the report's language (Dutch).
 */

/** An estimate with what it rests on. */
export interface Figure {
  value: number
  /** Standard error (linearised, taking the weights into account); NaN where unknown. */
  standardError: number
  /** Responses behind it (unweighted N). */
  n: number
}

/** How a figure compares with this round's: only significant differences are marked. */
export type Change = 'higher' | 'lower' | null

/** A figure of an earlier round or the reference group, next to this round's. */
export interface ComparedFigure {
  /** Null where the question was not asked (printed blank) or its group is too small. */
  figure: Figure | null
  /** Set when this round's figure is significantly higher or lower than this one. */
  change: Change
}

export type Statistic = 'mean' | 'belowSix' | 'sevenOrMore' | 'agree' | 'share'

/**
 * One row of a table that can have trend and reference columns: a statistic of a
 * question, statement or answer.
 */
export interface Line {
  /** What the row shows, e.g. "Gemiddeld rapportcijfer", a statement, an answer. */
  label: string
  statistic: Statistic
  /** The variable (question id, or `<question>_<item>`) and for shares the answer code. */
  variable: string
  code?: number
  /** This round; null when the group is below the minimum size. */
  current: Figure | null
  /** One per earlier round in `Report.trendRounds`, in that order. */
  trend: ComparedFigure[]
  /**
   * The reference group's figure; `ownQuestion` where the reference has no such question
   * (the municipality's own question, printed "-"); undefined without a reference group.
   */
  reference?: ComparedFigure | 'ownQuestion'
}

interface BlockBase {
  variable: string
  /** The number printed on the form, e.g. "7". */
  number: string
  question: string
  /** Responses with a valid answer; "weet niet" and the like are outside it. */
  n: number
  /** The sum of their weights, when weighted. */
  weightedN: number
  /** Fewer valid answers than the round's minimum group size: no figures shown. */
  suppressed: boolean
}

/** A rapportcijfer: the "Spreiding …" bar chart, mean, % onvoldoende and % 7 of hoger. */
export interface GradeBlock extends BlockBase {
  kind: 'grade'
  /** Grades 1 to 10, each its share of the valid answers. */
  distribution: Array<{ grade: number; share: number }>
  /** Mean, % onvoldoende (1–5), % 7 of hoger. */
  lines: Line[]
  /** "Weet niet / geen ervaring": counted, not in the percentages. */
  outsideBase: number
}

/** A statement grid: a stacked bar per statement, and the table of "% (helemaal) eens". */
export interface StatementsBlock extends BlockBase {
  kind: 'statements'
  /** The scale's answers in order, without "weet niet"; the stacked bars' parts. */
  categories: string[]
  /** How many of the first categories make up the agreeing share, e.g. 2 of 4. */
  agreeing: number
  /** The label of the agreeing share, e.g. "% (helemaal) mee eens". */
  agreeLabel: string
  statements: Array<{
    variable: string
    label: string
    n: number
    suppressed: boolean
    /** One share per category, of the valid answers. */
    shares: number[]
    /** Answers outside the percentages ("weet niet / geldt niet voor mij"). */
    outsideBase: number
  }>
  /** One "agree" line per statement, for the table with trend and reference columns. */
  lines: Line[]
}

/** Single or multiple choice: a percentage table. */
export interface ChoiceBlock extends BlockBase {
  kind: 'choice'
  /** Multiple choice: shares add up to more than 100%, so no "Totaal 100%" row. */
  multiple: boolean
  lines: Line[]
  outsideBase: number
}

/** A number or a constant-sum item: the mean. */
export interface NumberBlock extends BlockBase {
  kind: 'number'
  lines: Line[]
}

export type Block = GradeBlock | StatementsBlock | ChoiceBlock | NumberBlock

/** One chapter per questionnaire section. */
export interface Chapter {
  id: string
  title: string
  blocks: Block[]
}

/** Success or improvement points: a multiple-choice question sorted by frequency. */
export interface PointsList {
  variable: string
  question: string
  n: number
  suppressed: boolean
  /** All answers, the most chosen first; the text shows the first five, the appendix all. */
  lines: Line[]
}

/** The response table: per municipality and in total (REPORTS.md, "Response and reliability"). */
export interface ResponseRow {
  /** Null for the total. */
  municipality: string | null
  writtenTo: number
  paper: number
  online: number
  completed: number
  responseRate: number | null
  /** The confidence level of DESIGN.md, a fraction. */
  confidence: number | null
  verdict: 'veryReliable' | 'reliable' | 'indicative' | null
}

export interface Weighting {
  /** none: one municipality, or weighting switched off. */
  method: 'none' | 'municipality' | 'municipalityAgeSex'
  /** Weights were capped at this multiple of the mean weight. */
  trimBound: number
  trimmed: number
  unweightedN: number
  weightedN: number
  /** Kish's design effect of the weights; 1 unweighted. */
  designEffect: number
  /**
   * Why the figures were not raked to age and sex: the client file had no birth years or
   * sexes, the questionnaire no age and sex questions, or the margins did not converge.
   */
  ageSexNote: 'noPopulation' | 'noQuestions' | 'notConverged' | null
}

/** An earlier round (trend column) or the reference group. */
export interface ComparisonSource {
  label: string
  /** Complete responses behind it, for the scope (whole round or municipality). */
  n: number
  description?: string
}

export interface Summary {
  /** The overall grade: the first grade question of the questionnaire. */
  grade: { question: string; line: Line; belowSix: Line } | null
  /** The five largest significant changes against the previous round; `difference` in percentage points (8 is +8). */
  largestChanges: Array<{ chapter: string; line: Line; difference: number }>
}

export interface QuoteGroup {
  question: string
  category: string | null
  quotes: string[]
}

/** Per municipality: the same lines with its own trend columns (the appendices of S001). */
export interface MunicipalityAppendix {
  code: string
  name: string
  n: number
  chapters: Chapter[]
}

export interface Report {
  title: string
  roundName: string
  /** The municipality the report is about, or null for the whole round. */
  municipality: { code: string; name: string } | null
  /** ISO date the report was made. */
  madeOn: string
  minGroupSize: number
  /** This round's column label, e.g. "2026". */
  currentLabel: string
  trendRounds: ComparisonSource[]
  reference: ComparisonSource | null
  response: ResponseRow[]
  thresholds: { veryReliable: number; reliable: number }
  weighting: Weighting
  summary: Summary
  chapters: Chapter[]
  /** Success points first, then improvement points. */
  points: PointsList[]
  /** The respondents' background (age, sex, …) against the reference group. */
  background: Chapter | null
  quotes: QuoteGroup[]
  appendices: MunicipalityAppendix[]
  /** The test named in the method chapter, e.g. "z-toets …, tweezijdig, 95%". */
  significanceTest: string
}
