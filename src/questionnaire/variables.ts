/**
 * Answer keys ("variables"): the names under which answers are stored, posted by forms
 * and exported. See `Answers` in definition.ts for the scheme.
 */
import type { AnswerOption, GridItem, GridQuestion, ItemNumbersQuestion, Question } from './definition.ts'

/** The variable of one item of a grid, ranking or constant sum: `<question id>_<item id>`. */
export function gridItemVariable(question: GridQuestion | ItemNumbersQuestion, item: GridItem): string {
  return `${question.id}_${item.id}`
}

/** The items of a question that stores one answer per item, if it is one. */
export function itemsOf(question: Question): GridItem[] | undefined {
  return question.type === 'grid' || question.type === 'ranking' || question.type === 'constantsum'
    ? question.items
    : undefined
}

/** The variable holding the "anders, namelijk …" text of a question. */
export function otherVariable(questionId: string): string {
  return `${questionId}_other`
}

/**
 * The name that text is exported under: Dutch, as every other name in the data set
 * (`punt_goed_anders` beside `punt_goed_1`); it is stored as `otherVariable` (`_other`).
 */
export function otherExportVariable(questionId: string): string {
  return `${questionId}_anders`
}

/** An answer key as the data set names it: the same, except for "anders, namelijk" texts. */
export function exportNameOf(questionId: string, variable: string): string {
  return variable === otherVariable(questionId) ? otherExportVariable(questionId) : variable
}

/** The option that asks for an "anders, namelijk …" text, if the question has one. */
export function otherOption(question: Question): AnswerOption | undefined {
  return question.type === 'single' || question.type === 'multiple' ? question.options.find((o) => o.other) : undefined
}

/** The answer keys that answer the question itself: every key but the "anders, namelijk" text. */
export function answerVariablesOf(question: Question): string[] {
  const items = itemsOf(question)
  return items ? items.map((item) => `${question.id}_${item.id}`) : [question.id]
}

/**
 * The answer keys a question produces, in order. A form posts exactly these names, so a
 * page can take what it shows from a posted body.
 */
export function variablesOf(question: Question): string[] {
  const variables = answerVariablesOf(question)
  return otherOption(question) ? [...variables, otherVariable(question.id)] : variables
}
