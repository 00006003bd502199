/**
 * The questions of a definition in questionnaire order, with the section each lives in.
 *
 * Routing, answer validation and the codebook all walk the questions in order and look
 * questions up by id. The outline is built once per definition object and cached, so a
 * definition must not be changed after it has been used (a round freezes a version).
 */
import type { Question, QuestionnaireDefinition, Section } from './definition.ts'

export interface QuestionPlace {
  question: Question
  section: Section
  sectionIndex: number
  /** Index within its section. */
  questionIndex: number
  /** Position in the whole questionnaire, from 0. */
  order: number
}

export interface Outline {
  places: QuestionPlace[]
  byId: Map<string, QuestionPlace>
}

const cache = new WeakMap<QuestionnaireDefinition, Outline>()

export function outlineOf(definition: QuestionnaireDefinition): Outline {
  let outline = cache.get(definition)
  if (!outline) {
    const places: QuestionPlace[] = []
    definition.sections.forEach((section, sectionIndex) => {
      section.questions.forEach((question, questionIndex) => {
        places.push({ question, section, sectionIndex, questionIndex, order: places.length })
      })
    })
    // With duplicate ids (only in definitions that failed validation) the first one wins.
    const byId = new Map<string, QuestionPlace>()
    for (const place of places) if (!byId.has(place.question.id)) byId.set(place.question.id, place)
    outline = { places, byId }
    cache.set(definition, outline)
  }
  return outline
}

/** Every question, in questionnaire order. */
export function allQuestions(definition: QuestionnaireDefinition): Question[] {
  return outlineOf(definition).places.map((p) => p.question)
}

export function findQuestion(definition: QuestionnaireDefinition, questionId: string): Question | undefined {
  return outlineOf(definition).byId.get(questionId)?.question
}
