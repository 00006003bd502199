/**
 * The pages of the online questionnaire: a section, cut where a phone needs it.
 *
 * Most respondents answer on a phone (DESIGN.md), and a page several screens long loses
 * them: the stem of a grid scrolls out of sight five screens before its last statement,
 * and a follow-up that appears on the page already answered goes unnoticed. So a section
 * becomes one or more pages:
 * - a grid of more than `MAX_STATEMENTS` statements goes over several pages of its own, in
 *   parts as even as possible (11 → 4, 4, 3), each repeating the stem;
 * - a question whose routing depends on an answer on the page so far starts the next
 *   page, so that a follow-up is always a next page, with or without JavaScript;
 * - a page ends before it would hold more than `MAX_ROWS` rows (a line of text or an
 *   answer target, as a phone stacks them);
 * - a question with screen-out answers ends its page: the questions after it are not
 *   asked of someone screened out, so they must not be on the page where that is chosen.
 * The first page of a section has the section's id, the next ones `<id>-2`, `<id>-3`: ids
 * are lower case letters, digits and underscores, so these never meet a section id.
 */
import type { Condition, GridItem, Question, QuestionnaireDefinition, Section } from './definition.ts'
import { gridItemVariable, variablesOf } from './variables.ts'

/** Statements of a grid on one page; more go over several pages. */
export const MAX_STATEMENTS = 4

/** Rows (a line of question text or one answer target) on one page at most. */
export const MAX_ROWS = 24

/** A question on a page: all of it, or for a long grid one part of its statements. */
export interface PageQuestion {
  question: Question
  /** The statements of a grid shown on this page (all of them when the grid fits one page). */
  items?: GridItem[]
  /** For a grid split over pages: which part this is (from 1) and how many there are. */
  part?: { index: number; count: number }
}

export interface QuestionnairePage {
  /** The page's id in the address: the section's id, or `<section id>-<n>` from the second page on. */
  id: string
  section: Section
  /** The first page of its section (where the section title and introduction go). */
  opensSection: boolean
  questions: PageQuestion[]
  /** The answer keys this page shows: what a post of the page replaces. */
  variables: Set<string>
}

const cache = new WeakMap<QuestionnaireDefinition, QuestionnairePage[]>()

/** Every page of the definition in order, visible or not (cached per definition object). */
export function pagesOf(definition: QuestionnaireDefinition): QuestionnairePage[] {
  let pages = cache.get(definition)
  if (!pages) {
    pages = definition.sections.flatMap((section) => sectionPages(definition, section))
    cache.set(definition, pages)
  }
  return pages
}

/** The page with this id, if the definition has one. */
export function findPage(definition: QuestionnaireDefinition, pageId: string): QuestionnairePage | undefined {
  return pagesOf(definition).find((page) => page.id === pageId)
}

/** The pages that show at least one question visible now, in order. */
export function visiblePages(definition: QuestionnaireDefinition, visibleQuestions: Set<string>): QuestionnairePage[] {
  return pagesOf(definition).filter((page) => page.questions.some((q) => visibleQuestions.has(q.question.id)))
}

/** The page on which a question (its first part, for a split grid) is asked. */
export function pageOfQuestion(definition: QuestionnaireDefinition, questionId: string): QuestionnairePage | undefined {
  return pagesOf(definition).find((page) => page.questions.some((q) => q.question.id === questionId))
}

function sectionPages(definition: QuestionnaireDefinition, section: Section): QuestionnairePage[] {
  const pages: PageQuestion[][] = []
  let current: PageQuestion[] = []
  let rows = 0
  const close = () => {
    if (current.length > 0) pages.push(current)
    current = []
    rows = 0
  }
  for (const question of section.questions) {
    if (question.type === 'grid' && question.items.length > MAX_STATEMENTS) {
      close()
      const parts = evenParts(question.items, Math.ceil(question.items.length / MAX_STATEMENTS))
      parts.forEach((items, index) =>
        pages.push([{ question, items, part: { index: index + 1, count: parts.length } }]),
      )
      continue
    }
    const height = rowsOf(definition, question)
    const followsThisPage = current.some((q) => dependsOn(question.showIf, q.question.id))
    if (current.length > 0 && (followsThisPage || rows + height > MAX_ROWS)) close()
    current.push(question.type === 'grid' ? { question, items: question.items } : { question })
    rows += height
    if ((question.type === 'single' || question.type === 'yesno') && question.screenOut) close()
  }
  close()
  return pages.map((questions, index) => ({
    id: index === 0 ? section.id : `${section.id}-${index + 1}`,
    section,
    opensSection: index === 0,
    questions,
    variables: new Set(questions.flatMap(pageVariablesOf)),
  }))
}

function pageVariablesOf({ question, items }: PageQuestion): string[] {
  if (question.type !== 'grid' || items === undefined) return variablesOf(question)
  return items.map((item) => gridItemVariable(question, item))
}

/** `items` in `count` consecutive parts whose sizes differ by one at most, larger first. */
function evenParts<T>(items: T[], count: number): T[][] {
  const parts: T[][] = []
  let start = 0
  for (let index = 0; index < count; index++) {
    const size = Math.ceil((items.length - start) / (count - index))
    parts.push(items.slice(start, start + size))
    start += size
  }
  return parts
}

/** How tall a question is on a phone, in rows: its text, and one row per answer target. */
function rowsOf(definition: QuestionnaireDefinition, question: Question): number {
  const text = question.help ? 2 : 1
  switch (question.type) {
    case 'grade':
      // Two rows of five targets, and "don't know" apart.
      return text + 3
    case 'yesno':
      return text + 2
    case 'single':
    case 'multiple':
      return text + question.options.length + question.options.filter((o) => o.other).length
    case 'number':
    case 'text':
      return text + 1
    case 'longtext':
      return text + 4
    case 'ranking':
    case 'constantsum':
      // One line per item, its number field beside the text; the sum line under a constant sum.
      return text + question.items.length + (question.type === 'constantsum' ? 1 : 0)
    case 'grid': {
      const scale = definition.scales?.[question.scale]
      const targets = scale?.type === 'options' ? scale.options.length : 3
      return text + question.items.length * (1 + targets)
    }
  }
}

/** Whether a condition reads the answer to `questionId`. */
function dependsOn(condition: Condition | undefined, questionId: string): boolean {
  if (!condition) return false
  if ('question' in condition) return condition.question === questionId
  if ('all' in condition) return condition.all.some((c) => dependsOn(c, questionId))
  if ('any' in condition) return condition.any.some((c) => dependsOn(c, questionId))
  if ('not' in condition) return dependsOn(condition.not, questionId)
  return false
}
