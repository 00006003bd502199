/**
 * Answers as respondents give them, for filling big benchmark rounds: every question of
 * a definition answered the way people do (grades around a 7, now and then "weet niet",
 * a skipped question, a comment with a semicolon or a line break), then cleaned by the
 * engine's own `validateAnswers`, so routing drops what a respondent would never see and
 * the stored answers are exactly what the web form would store.
 */
import { codesOf, maxLengthOf, otherOption, otherVariable, validateAnswers } from '#src/questionnaire/index.ts'
import { allQuestions } from '#src/questionnaire/index.ts'
import type { Answers, Question, QuestionnaireDefinition } from '#src/questionnaire/definition.ts'

const COMMENTS = [
  'Mijn klantmanager is erg behulpzaam.',
  'Ik word nooit teruggebeld; dat is jammer.',
  'De brieven zijn moeilijk te begrijpen. Graag in gewone taal.',
  'Prima geregeld, dank jullie wel!',
  'Te vaak een andere consulent.\nElke keer moet ik mijn verhaal opnieuw vertellen.',
  'Het duurde 6 weken voordat ik "eindelijk" mijn eerste uitkering kreeg.',
  'Meer hulp bij het vinden van werk in de buurt (Hengelo/Borne).',
  'Geen opmerkingen.',
  'Ik waardeer het dat er een vangnet is, maar de regels zijn streng & ingewikkeld.',
  'Bereikbaarheid: 20 minuten in de wacht, daarna verbroken.',
]

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

/** Grades lean towards 6–8, as they do in every KTO report. */
function grade(random: () => number): number {
  const g = Math.round(7 + (random() + random() + random() - 1.5) * 2.5)
  return Math.min(10, Math.max(1, g))
}

/** One raw answer (before validation) to one question, or undefined when skipped. */
function answerTo(
  definition: QuestionnaireDefinition,
  question: Question,
  random: () => number,
  into: Record<string, unknown>,
): void {
  if (random() < 0.04) return // left blank
  const codes = codesOf(definition, question) ?? []
  const missing = codes.filter((c) => c.missing).map((c) => c.value)
  const substantive = codes.filter((c) => !c.missing).map((c) => c.value)
  const closed = (isGrade: boolean) =>
    missing.length > 0 && random() < 0.06 ? pick(random, missing) : isGrade ? grade(random) : pick(random, substantive)
  switch (question.type) {
    case 'grade':
      into[question.id] = closed(true)
      return
    case 'yesno':
    case 'single':
      into[question.id] = closed(false)
      break
    case 'multiple': {
      const chosen = substantive.filter(() => random() < 0.3)
      into[question.id] = chosen.length > 0 ? chosen : [pick(random, substantive)]
      break
    }
    case 'grid': {
      const isGrade = codes.some((c) => c.value === 10)
      for (const item of question.items) if (random() > 0.03) into[`${question.id}_${item.id}`] = closed(isGrade)
      return
    }
    case 'number':
      into[question.id] = question.min + Math.floor(random() * (question.max - question.min + 1))
      return
    case 'text':
    case 'longtext':
      if (random() < 0.35) into[question.id] = pick(random, COMMENTS).slice(0, maxLengthOf(question))
      return
  }
  const other = otherOption(question)
  const value = into[question.id]
  if (other && (value === other.value || (Array.isArray(value) && value.includes(other.value)))) {
    into[otherVariable(question.id)] = pick(random, [
      'De snelle betaling',
      'Niets',
      'Vriendelijk; en duidelijk',
      'Weet ik niet',
    ])
  }
}

/** A complete response's answers for a respondent in this stratum, as the app stores them. */
export function respondentAnswers(definition: QuestionnaireDefinition, stratum: string, random: () => number): Answers {
  const raw: Record<string, unknown> = {}
  for (const question of allQuestions(definition)) answerTo(definition, question, random, raw)
  const { answers, errors } = validateAnswers(definition, raw, { stratum }, { partial: true })
  if (errors.length > 0) throw new Error(`generated answers are invalid: ${JSON.stringify(errors.slice(0, 3))}`)
  return answers
}
