/**
 * The rules a JSON Schema cannot express: uniqueness, references between parts,
 * routing that only looks back, and values that must fit the scale they belong to.
 * Runs only on definitions that passed the schema, so the structure can be trusted.
 */
import { exportVariablesOf } from './codebook.ts'
import { codesOf, GRADE_MAX, GRADE_MIN, scaleOf } from './codes.ts'
import type { AnswerOption, Condition, GridItem, Question, QuestionnaireDefinition } from './definition.ts'
import type { QuestionPlace } from './outline.ts'
import { outlineOf } from './outline.ts'
import type { Fault, Path } from './paths.ts'
import { formatPath } from './paths.ts'
import { variablesOf } from './variables.ts'

type Report = (path: Path, message: string) => void

function checkLanguages(definition: QuestionnaireDefinition, report: Report): void {
  if (definition.languages[0] !== 'nl') {
    report(
      ['languages', 0],
      'The first language must be "nl": Dutch texts are required, and every other language falls back to them.',
    )
  }
}

/** Option values must be unique; only answer options of a question may ask for an "other" text. */
function checkOptions(options: AnswerOption[], path: Path, report: Report, otherAllowed: boolean): void {
  const firstIndex = new Map<number, number>()
  let otherIndex: number | undefined
  options.forEach((option, index) => {
    const earlier = firstIndex.get(option.value)
    if (earlier !== undefined) {
      report(
        [...path, index, 'value'],
        `Value ${option.value} is already used by ${formatPath([...path, earlier])}; every option needs its own value.`,
      )
    } else {
      firstIndex.set(option.value, index)
    }
    if (option.other) {
      if (!otherAllowed) report([...path, index, 'other'], 'A grid scale cannot ask for an "other, namely" text.')
      else if (otherIndex !== undefined)
        report(
          [...path, index, 'other'],
          `Only one option can be "other"; ${formatPath([...path, otherIndex])} already is.`,
        )
      else otherIndex = index
    }
  })
}

function checkDontKnow(dontKnow: AnswerOption | undefined, path: Path, report: Report): void {
  if (!dontKnow) return
  if (dontKnow.value >= GRADE_MIN && dontKnow.value <= GRADE_MAX) {
    report(
      [...path, 'value'],
      `The "don't know" value ${dontKnow.value} lies within ${GRADE_MIN}–${GRADE_MAX} and would count as a grade; use a value outside it (99 by convention).`,
    )
  }
  if (dontKnow.other) report([...path, 'other'], 'A "don\'t know" option cannot ask for an "other, namely" text.')
}

function checkScales(definition: QuestionnaireDefinition, report: Report): void {
  for (const [name, scale] of Object.entries(definition.scales ?? {})) {
    if (scale.type === 'options') checkOptions(scale.options, ['scales', name, 'options'], report, false)
    else checkDontKnow(scale.dontKnow, ['scales', name, 'dontKnow'], report)
  }
}

function checkSectionIds(definition: QuestionnaireDefinition, report: Report): void {
  const seen = new Map<string, number>()
  definition.sections.forEach((section, index) => {
    const earlier = seen.get(section.id)
    if (earlier !== undefined)
      report(['sections', index, 'id'], `Section id "${section.id}" is already used by sections[${earlier}].`)
    else seen.set(section.id, index)
  })
}

function placePath(place: QuestionPlace): Path {
  return ['sections', place.sectionIndex, 'questions', place.questionIndex]
}

/** Screen-out values are answers of the question, and at least one answer lets the respondent go on. */
function checkScreenOut(definition: QuestionnaireDefinition, question: Question, path: Path, report: Report): void {
  if ((question.type !== 'single' && question.type !== 'yesno') || !question.screenOut) return
  const codes = (codesOf(definition, question) ?? []).map((c) => c.value)
  question.screenOut.values.forEach((value, index) => {
    if (!codes.includes(value))
      report(
        [...path, 'screenOut', 'values', index],
        `${value} is not a value of question "${question.id}" (its values are ${codes.join(', ')}).`,
      )
  })
  if (codes.every((value) => question.screenOut!.values.includes(value)))
    report(
      [...path, 'screenOut', 'values'],
      'Every answer ends the questionnaire: leave at least one answer that lets the respondent go on.',
    )
}

function checkQuestion(definition: QuestionnaireDefinition, question: Question, path: Path, report: Report): void {
  checkScreenOut(definition, question, path, report)
  switch (question.type) {
    case 'grade':
      checkDontKnow(question.dontKnow, [...path, 'dontKnow'], report)
      break
    case 'single':
      checkOptions(question.options, [...path, 'options'], report, true)
      break
    case 'multiple':
      checkOptions(question.options, [...path, 'options'], report, true)
      if (question.max !== undefined && question.max > question.options.length) {
        report(
          [...path, 'max'],
          `max is ${question.max}, but the question has only ${question.options.length} options.`,
        )
      }
      break
    case 'number':
      if (question.min > question.max)
        report([...path, 'max'], `max (${question.max}) is less than min (${question.min}).`)
      break
    case 'grid': {
      if (!scaleOf(definition, question.scale)) {
        const names = Object.keys(definition.scales ?? {})
        const known = names.length > 0 ? `the scales are ${names.join(', ')}` : 'the definition has no scales'
        report([...path, 'scale'], `Unknown scale "${question.scale}": ${known}.`)
      }
      checkItems(question.items, [...path, 'items'], report)
      break
    }
    case 'ranking':
      checkItems(question.items, [...path, 'items'], report)
      if (question.max !== undefined && question.max > question.items.length) {
        report([...path, 'max'], `max is ${question.max}, but the question has only ${question.items.length} items.`)
      }
      break
    case 'constantsum':
      checkItems(question.items, [...path, 'items'], report)
      break
    case 'yesno':
    case 'text':
    case 'longtext':
      break
  }
}

/** Item ids and printed item numbers are unique within their question. */
function checkItems(items: GridItem[], path: Path, report: Report): void {
  const ids = new Map<string, number>()
  const numbers = new Map<string, number>()
  items.forEach((item, index) => {
    const sameId = ids.get(item.id)
    if (sameId !== undefined)
      report([...path, index, 'id'], `Item id "${item.id}" is already used by items[${sameId}].`)
    else ids.set(item.id, index)
    const sameNumber = numbers.get(item.number)
    if (sameNumber !== undefined)
      report([...path, index, 'number'], `Item number "${item.number}" is already used by items[${sameNumber}].`)
    else numbers.set(item.number, index)
  })
}

/** Ids and printed numbers are unique, and no two questions export a variable of the same name. */
function checkQuestionIdentity(definition: QuestionnaireDefinition, report: Report): void {
  const ids = new Map<string, QuestionPlace>()
  const numbers = new Map<string, QuestionPlace>()
  const variables = new Map<string, QuestionPlace>()
  for (const place of outlineOf(definition).places) {
    const { question } = place
    const path = placePath(place)
    const sameId = ids.get(question.id)
    if (sameId) {
      report([...path, 'id'], `Question id "${question.id}" is already used by ${formatPath(placePath(sameId))}.`)
      continue
    }
    ids.set(question.id, place)
    const sameNumber = numbers.get(question.number)
    if (sameNumber)
      report(
        [...path, 'number'],
        `Question number "${question.number}" is already used by question "${sameNumber.question.id}".`,
      )
    else numbers.set(question.number, place)

    for (const name of new Set([...variablesOf(question), ...exportVariablesOf(question)])) {
      const owner = variables.get(name)
      if (owner && owner !== place) {
        report(
          [...path, 'id'],
          `This question's variable "${name}" is also a variable of question "${owner.question.id}": rename one of them.`,
        )
      } else {
        variables.set(name, place)
      }
    }
  }
}

/**
 * A concept key says "the same thing as question X elsewhere"; two questions of one
 * version with the same key would make that match ambiguous.
 */
function checkConcepts(definition: QuestionnaireDefinition, report: Report): void {
  const owners = new Map<string, string>()
  const claim = (concept: string | undefined, path: Path, name: string) => {
    if (concept === undefined) return
    const owner = owners.get(concept)
    if (owner !== undefined)
      report(
        [...path, 'concept'],
        `Concept key "${concept}" is already used by ${owner}; each concept is measured once per version.`,
      )
    else owners.set(concept, name)
  }
  for (const place of outlineOf(definition).places) {
    const { question } = place
    claim(question.concept, placePath(place), `question "${question.id}"`)
    if (question.type === 'grid')
      question.items.forEach((item, index) =>
        claim(item.concept, [...placePath(place), 'items', index], `item "${item.id}" of question "${question.id}"`),
      )
  }
}

/** Where a condition sits, so that "earlier" can be judged. */
interface ConditionOwner {
  /** The questions the condition may refer to. */
  mayRefer: (target: QuestionPlace) => boolean
  /** Said when it refers to one that comes too late. */
  tooLate: string
}

function checkCondition(
  definition: QuestionnaireDefinition,
  condition: Condition,
  path: Path,
  owner: ConditionOwner,
  report: Report,
): void {
  if ('all' in condition) {
    condition.all.forEach((c, i) => checkCondition(definition, c, [...path, 'all', i], owner, report))
    return
  }
  if ('any' in condition) {
    condition.any.forEach((c, i) => checkCondition(definition, c, [...path, 'any', i], owner, report))
    return
  }
  if ('not' in condition) return checkCondition(definition, condition.not, [...path, 'not'], owner, report)
  if ('stratum' in condition) return

  const target = outlineOf(definition).byId.get(condition.question)
  if (!target) return report([...path, 'question'], `Unknown question "${condition.question}".`)
  if (!owner.mayRefer(target)) return report([...path, 'question'], `Question "${condition.question}" ${owner.tooLate}`)
  if (target.question.type === 'ranking' || target.question.type === 'constantsum') {
    // Their answers live in one variable per item; there is no single answer to test.
    return report(
      [...path, 'question'],
      `Question "${condition.question}" is a ${target.question.type === 'ranking' ? 'ranking' : 'constant sum'}: routing on it is not supported. Refer to another question.`,
    )
  }
  if ('answered' in condition) return

  const question = target.question
  if (question.type === 'grid') {
    return report(
      [...path, 'question'],
      `Question "${question.id}" is a grid: a condition can only test whether a grid is answered per item, which is not supported. Refer to another question.`,
    )
  }
  if (question.type === 'text' || question.type === 'longtext') {
    return report(
      [...path, 'question'],
      `Question "${question.id}" is an open text question: only "answered: true" can test it.`,
    )
  }
  const tested: Array<[Path, number]> =
    'equals' in condition
      ? [[[...path, 'equals'], condition.equals]]
      : 'notEquals' in condition
        ? [[[...path, 'notEquals'], condition.notEquals]]
        : condition.in.map((v, i) => [[...path, 'in', i], v])
  for (const [valuePath, value] of tested) {
    if (question.type === 'number') {
      if (value < question.min || value > question.max) {
        report(
          valuePath,
          `${value} is outside the range of question "${question.id}" (${question.min} to ${question.max}).`,
        )
      }
      continue
    }
    const codes = codesOf(definition, question) ?? []
    if (!codes.some((c) => c.value === value)) {
      report(
        valuePath,
        `${value} is not a value of question "${question.id}" (its values are ${codes.map((c) => c.value).join(', ')}).`,
      )
    }
  }
}

function checkRouting(definition: QuestionnaireDefinition, report: Report): void {
  definition.sections.forEach((section, sectionIndex) => {
    if (section.showIf) {
      checkCondition(
        definition,
        section.showIf,
        ['sections', sectionIndex, 'showIf'],
        {
          mayRefer: (target) => target.sectionIndex < sectionIndex,
          tooLate: 'is not in an earlier section: a section can only be routed on answers given before it.',
        },
        report,
      )
    }
  })
  for (const place of outlineOf(definition).places) {
    if (!place.question.showIf) continue
    checkCondition(
      definition,
      place.question.showIf,
      [...placePath(place), 'showIf'],
      {
        mayRefer: (target) => target.order < place.order,
        tooLate: `does not come before question "${place.question.id}": a condition can only look at answers to earlier questions.`,
      },
      report,
    )
  }
}

export function semanticFaults(definition: QuestionnaireDefinition): Fault[] {
  const faults: Fault[] = []
  const report: Report = (path, message) => {
    faults.push({ path, message })
  }
  checkLanguages(definition, report)
  checkScales(definition, report)
  checkSectionIds(definition, report)
  checkQuestionIdentity(definition, report)
  checkConcepts(definition, report)
  for (const place of outlineOf(definition).places) checkQuestion(definition, place.question, placePath(place), report)
  checkRouting(definition, report)
  return faults
}
