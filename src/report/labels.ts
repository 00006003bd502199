/** The report's own words (the server fills them from the catalogue in the report's language). */
export interface ReportLabels {
  mean: string
  gradeMean: string
  belowSix: string
  sevenOrMore: string
  /** The agreeing share of a statement scale, e.g. "% (helemaal) mee eens". */
  agree: string
  /** "z-toets op het verschil …, tweezijdig, 95%". */
  significanceTest: string
  referenceGroup: string
  /** Why a round could not be raked to age and sex. */
  noAgeSexMargins: string
  noAgeSexQuestions: string
}
