/**
 * The questionnaire engine: definitions, their validation, routing, answer checking and
 * the codebook. Pure functions without I/O; the server, the letters and the paper form
 * all build on this.
 */
export type * from './definition.js'

export { parseDefinition, type DefinitionFormat } from './parse.js'
export { validateDefinition, type DefinitionError, type DefinitionResult } from './validate.js'
export { definitionSchema } from './schema.js'

export {
  evaluateCondition,
  isQuestionVisible,
  isSectionVisible,
  visibilityOf,
  visibleQuestions,
  visibleSections,
  type Visibility,
} from './routing.js'
export { describeCondition } from './condition-text.js'

export {
  DEFAULT_LONGTEXT_MAX_LENGTH,
  DEFAULT_TEXT_MAX_LENGTH,
  maxLengthOf,
  OTHER_TEXT_MAX_LENGTH,
  unansweredVisibleQuestions,
  validateAnswers,
  type AnswerError,
  type AnswerErrorCode,
  type AnswerValidation,
  type ValidateAnswersOptions,
} from './answers.js'
export { answerVariablesOf, gridItemVariable, otherOption, otherVariable, variablesOf } from './variables.js'
export { codesOf, GRADE_MAX, GRADE_MIN, scaleOf, type Code } from './codes.js'

export {
  buildCodebook,
  exportVariablesOf,
  flattenAnswersForExport,
  type CodebookVariable,
  type ExportValue,
  type Measure,
  type ValueLabel,
} from './codebook.js'

export { allQuestions, findQuestion } from './outline.js'
export { isRightToLeft, localize } from './text.js'
