/**
 * An answer as the respondent reads it back on the "check your answers" page: the words
 * they ticked, not the codes stored ("Mee eens", not 2).
 */
import type { Answers, Question, QuestionnaireDefinition } from './definition.ts'
import { codesOf, scaleOf } from './codes.ts'
import { localize } from './text.ts'
import { gridItemVariable, otherVariable } from './variables.ts'

export interface AnswerLine {
  /** For a grid, the statement this line answers. */
  statement?: string
  text: string
}

/** The lines that show what was answered to `question`; none when nothing was. */
export function answerLines(
  definition: QuestionnaireDefinition,
  question: Question,
  answers: Answers | Record<string, unknown>,
  lang: string,
): AnswerLine[] {
  const codes = codesOf(definition, question) ?? []
  const graded =
    question.type === 'grade' || (question.type === 'grid' && scaleOf(definition, question.scale)?.type === 'grade')
  const labelOf = (value: unknown): string | undefined => {
    const code = codes.find((c) => c.value === Number(value))
    if (!code) return undefined
    if (!code.label) return String(code.value)
    // A grade end reads "1 – zeer slecht"; "Weet niet" is no grade.
    return graded && !code.missing ? `${code.value} – ${localize(code.label, lang)}` : localize(code.label, lang)
  }
  const value = answers[question.id]
  switch (question.type) {
    case 'grid':
      return question.items.flatMap((item) => {
        const text = labelOf(answers[gridItemVariable(question, item)])
        return text ? [{ statement: localize(item.text, lang), text }] : []
      })
    case 'ranking': {
      // In rank order, as the respondent meant it: "1. Geld", "2. Werk".
      const ranked = question.items.flatMap((item) => {
        const rank = Number(answers[gridItemVariable(question, item)])
        return Number.isInteger(rank) && rank > 0 ? [{ rank, text: localize(item.text, lang) }] : []
      })
      return ranked.sort((a, b) => a.rank - b.rank).map((r) => ({ text: `${r.rank}. ${r.text}` }))
    }
    case 'constantsum': {
      const unit = question.unit ? ` ${localize(question.unit, lang)}` : ''
      return question.items.flatMap((item) => {
        const amount = answers[gridItemVariable(question, item)]
        return amount === undefined || amount === ''
          ? []
          : [{ statement: localize(item.text, lang), text: `${amount}${unit}` }]
      })
    }
    case 'multiple':
    case 'single': {
      const ticked = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(Number)
      return question.options
        .filter((option) => ticked.includes(option.value))
        .map((option) => {
          const other = option.other ? answers[otherVariable(question.id)] : undefined
          const label = localize(option.label, lang)
          return { text: typeof other === 'string' && other !== '' ? `${label}: ${other}` : label }
        })
    }
    case 'grade':
    case 'yesno': {
      const text = value === undefined ? undefined : labelOf(value)
      return text ? [{ text }] : []
    }
    case 'number':
      return value === undefined
        ? []
        : [{ text: question.unit ? `${value} ${localize(question.unit, lang)}` : String(value) }]
    case 'text':
    case 'longtext':
      return typeof value === 'string' && value !== '' ? [{ text: value }] : []
  }
}
