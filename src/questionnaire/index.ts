/**
 * The questionnaire engine: definitions, their validation, routing, answer checking and
 * the codebook. Pure functions without I/O; the server, the letters and the paper form
 * all build on this.
 */
export type * from './definition.ts'

export { parseDefinition, type DefinitionFormat } from './parse.ts'
export { validateDefinition, type DefinitionError, type DefinitionResult } from './validate.ts'
export { definitionSchema } from './schema.ts'

export {
  evaluateCondition,
  isQuestionVisible,
  isSectionVisible,
  visibilityOf,
  visibleQuestions,
  visibleSections,
  type ScreenedOut,
  type Visibility,
} from './routing.ts'
export { describeCondition } from './condition-text.ts'

export {
  DEFAULT_LONGTEXT_MAX_LENGTH,
  DEFAULT_TEXT_MAX_LENGTH,
  maxLengthOf,
  OTHER_TEXT_MAX_LENGTH,
  rankCountOf,
  unansweredVisibleQuestions,
  validateAnswers,
  type AnswerError,
  type AnswerErrorCode,
  type AnswerValidation,
  type ValidateAnswersOptions,
} from './answers.ts'
export {
  answerVariablesOf,
  exportNameOf,
  gridItemVariable,
  itemsOf,
  otherExportVariable,
  otherOption,
  otherVariable,
  variablesOf,
} from './variables.ts'
export { codesOf, GRADE_MAX, GRADE_MIN, scaleOf, type Code } from './codes.ts'

export {
  buildCodebook,
  exportVariablesOf,
  flattenAnswersForExport,
  NO_RANK,
  type CodebookVariable,
  type ExportValue,
  type Measure,
  type ValueLabel,
} from './codebook.ts'

export { allQuestions, findQuestion } from './outline.ts'
export { answerLines, type AnswerLine } from './answer-text.ts'
export {
  findPage,
  MAX_ROWS,
  MAX_STATEMENTS,
  pageOfQuestion,
  pagesOf,
  visiblePages,
  type PageQuestion,
  type QuestionnairePage,
} from './pages.ts'
export { isRightToLeft, localize } from './text.ts'
