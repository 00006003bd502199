/**
 * Which question of another questionnaire measures the same as this one, so an earlier
 * round or a reference round can fill a column (REPORTS.md, "Trends"). Questions are
 * reworded between rounds, so the text never decides:
 * - a concept key, when the question (or grid statement) has one, matches the same key;
 * - without one, the same id with the same answer codes matches: the codebook's
 *   variable is then the same variable.
 * Routing may differ; the report says so where it prints a trend (REPORTS.md).
 */
import type { GridItem, Question, QuestionnaireDefinition } from '#src/questionnaire/index.ts'
import { allQuestions, codesOf } from '#src/questionnaire/index.ts'
import { itemsOf } from '#src/questionnaire/variables.ts'

function codeSignature(definition: QuestionnaireDefinition, question: Question): string {
  const codes = codesOf(definition, question)
  return `${question.type}:${codes ? codes.map((c) => `${c.value}${c.missing ? 'm' : ''}`).join(',') : ''}`
}

/** The question of `other` that matches `question` of `definition`, if any. */
export function matchQuestion(
  definition: QuestionnaireDefinition,
  question: Question,
  other: QuestionnaireDefinition,
): Question | undefined {
  if (other === definition) return question
  const candidates = allQuestions(other)
  if (question.concept) {
    const byConcept = candidates.find((q) => q.concept === question.concept)
    if (byConcept) return byConcept.type === question.type ? byConcept : undefined
  }
  const sameId = candidates.find((q) => q.id === question.id && !(question.concept && q.concept))
  return sameId && codeSignature(other, sameId) === codeSignature(definition, question) ? sameId : undefined
}

/** The statement of `otherQuestion` that matches `item` of a grid, ranking or constant sum. */
export function matchItem(item: GridItem, otherQuestion: Question): GridItem | undefined {
  const items = itemsOf(otherQuestion)
  if (!items) return undefined
  if (item.concept) {
    const byConcept = items.find((i) => i.concept === item.concept)
    if (byConcept) return byConcept
  }
  return items.find((i) => i.id === item.id && !(item.concept && i.concept))
}

/**
 * A statement with its own concept key can also have moved to another grid: found by
 * its key anywhere in `other`.
 */
export function findItemByConcept(
  concept: string,
  other: QuestionnaireDefinition,
): { question: Question; item: GridItem } | undefined {
  for (const question of allQuestions(other)) {
    const item = itemsOf(question)?.find((i) => i.concept === concept)
    if (item) return { question, item }
  }
  return undefined
}
