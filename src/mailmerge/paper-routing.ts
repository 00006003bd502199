/**
 * Routing on paper. The web form hides questions; paper cannot, so the printed form
 * says it in words, in the two ways respondents know from paper questionnaires:
 * - at the answer that skips questions: "► Ga door naar vraag 5";
 * - at the question that is skipped: "Alleen invullen als u bij vraag 2 ‘Minder dan 1
 *   jaar geleden’ heeft gekozen."
 * Both are derived from the same `showIf` conditions that drive the web form. A
 * screen-out answer (`screenOut`) skips everything after it: "► Ga door naar het einde
 * van de vragenlijst" at that answer.
 *
 * A form printed for one municipality settles conditions on the stratum beforehand:
 * questions meant for other municipalities are left out, and "if you live in …" is not
 * printed where it is true anyway.
 */
import type { KeyUnder } from '#src/i18n/translate.ts'
import type { Condition, Question, QuestionnaireDefinition, Section } from '#src/questionnaire/definition.ts'
import { codesOf } from '#src/questionnaire/codes.ts'
import { findQuestion } from '#src/questionnaire/outline.ts'
import { evaluateCondition } from '#src/questionnaire/routing.ts'
import { isRightToLeft, localize } from '#src/questionnaire/text.ts'
import { isolate } from './bidi-text.ts'
import { paperText } from './paper-texts.ts'

export interface PrintedQuestion {
  question: Question
  /** "Alleen invullen als …", from the question's own condition. */
  instruction?: string
  /** Answer value → "Ga door naar vraag …", for answers that skip the questions after this one. */
  skips: Map<number, string>
}

export interface PrintedSection {
  section: Section
  /** "Alleen invullen als …", from the section's condition. */
  instruction?: string
  questions: PrintedQuestion[]
}

export interface PaperRoutingOptions {
  lang: string
  /** The stratum (code) the form is printed for; omit for a form for every stratum. */
  stratum?: string
  /** Display names of strata for "als u in Hengelo woont"; the code is printed where a name is missing. */
  stratumNames?: Record<string, string>
}

/** A condition with its stratum parts replaced by their value for `stratum`. */
export function settleStratum(condition: Condition, stratum: string | undefined): Condition | boolean {
  if (stratum === undefined) return condition
  if ('stratum' in condition) return condition.stratum.includes(stratum)
  if ('not' in condition) {
    const inner = settleStratum(condition.not, stratum)
    return typeof inner === 'boolean' ? !inner : { not: inner }
  }
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition
    const parts = (isAll ? condition.all : condition.any).map((c) => settleStratum(c, stratum))
    // false decides an "all", true decides an "any"; the other value drops out.
    if (parts.includes(!isAll)) return !isAll
    const open = parts.filter((p): p is Condition => typeof p !== 'boolean')
    if (open.length === 0) return isAll
    if (open.length === 1) return open[0]!
    return isAll ? { all: open } : { any: open }
  }
  return condition
}

function bothConditions(a: Condition | boolean, b: Condition | boolean): Condition | boolean {
  if (a === false || b === false) return false
  if (a === true) return b
  if (b === true) return a
  return { all: [a, b] }
}

/**
 * A label or place name put into a sentence. In a right-to-left form it is isolated, so
 * that it keeps its own direction and the sentence's is that of its own words (a Dutch
 * sentence the form falls back to, around an Arabic answer label, stays left to right).
 */
function inserted(text: string, lang: string): string {
  return isRightToLeft(lang) ? isolate(text) : text
}

function quoted(text: string, lang: string): string {
  return `‘${inserted(text, lang)}’`
}

/** "‘Ja’", or for a grade without a label just the number. */
function valueLabel(
  definition: QuestionnaireDefinition,
  question: Question | undefined,
  value: number,
  lang: string,
): string {
  const code = question ? codesOf(definition, question)?.find((c) => c.value === value) : undefined
  return code?.label ? quoted(localize(code.label, lang), lang) : String(value)
}

type Clause = { text: string; compound: boolean }

function clause(definition: QuestionnaireDefinition, condition: Condition, options: PaperRoutingOptions): Clause {
  const { lang } = options
  const phrase = (key: KeyUnder<'paper.routing'>, values?: Record<string, string>) =>
    paperText(`routing.${key}`, lang, values)
  const or = ` ${phrase('or')} `
  const places = (codes: string[]) => codes.map((code) => inserted(options.stratumNames?.[code] ?? code, lang)).join(or)

  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition
    const parts = (isAll ? condition.all : condition.any).map((c) => clause(definition, c, options))
    const text = parts.map((p) => (p.compound ? `(${p.text})` : p.text)).join(` ${phrase(isAll ? 'and' : 'or')} `)
    return { text, compound: parts.length > 1 }
  }
  if ('stratum' in condition) return { text: phrase('livesIn', { places: places(condition.stratum) }), compound: false }
  if ('not' in condition) {
    const inner = condition.not
    if ('stratum' in inner) return { text: phrase('notLivesIn', { places: places(inner.stratum) }), compound: false }
    if ('question' in inner) {
      const question = findQuestion(definition, inner.question)
      const number = question?.number ?? inner.question
      if ('answered' in inner) return { text: phrase('notAnswered', { number }), compound: false }
      if ('equals' in inner || 'in' in inner) {
        const values = 'equals' in inner ? [inner.equals] : inner.in
        const labels = values.map((v) => valueLabel(definition, question, v, lang)).join(or)
        return {
          text: phrase(question?.type === 'multiple' ? 'notTicked' : 'didNotChoose', { number, labels }),
          compound: false,
        }
      }
    }
    return { text: phrase('not', { condition: clause(definition, inner, options).text }), compound: false }
  }

  const question = findQuestion(definition, condition.question)
  const number = question?.number ?? condition.question
  if ('answered' in condition) return { text: phrase('answered', { number }), compound: false }
  const ticks = question?.type === 'multiple'
  if ('notEquals' in condition) {
    const labels = valueLabel(definition, question, condition.notEquals, lang)
    return { text: phrase(ticks ? 'notTicked' : 'choseOther', { number, labels }), compound: false }
  }
  const values = 'equals' in condition ? [condition.equals] : condition.in
  const labels = values.map((v) => valueLabel(definition, question, v, lang)).join(or)
  return { text: phrase(ticks ? 'ticked' : 'chose', { number, labels }), compound: false }
}

/** "Alleen invullen als u bij vraag 2 ‘Minder dan 1 jaar geleden’ heeft gekozen." */
function onlyIfSentence(
  definition: QuestionnaireDefinition,
  condition: Condition,
  options: PaperRoutingOptions,
): string {
  return paperText('onlyIf', options.lang, { condition: clause(definition, condition, options).text })
}

interface Placed {
  question: Question
  /** Section and question condition together, settled for the stratum. */
  condition: Condition | boolean
}

type Truth = boolean | undefined

/**
 * Evaluates a condition knowing one answer (`source` = `value`) and which questions that
 * answer hides (unanswered, so every test on them is false, as in routing.ts). Anything
 * else is unknown on paper: the result is then undefined.
 */
function decide(condition: Condition, source: string, value: number, hidden: Set<string>): Truth {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition
    const parts = (isAll ? condition.all : condition.any).map((c) => decide(c, source, value, hidden))
    if (parts.includes(!isAll)) return !isAll
    return parts.every((p) => p === isAll) ? isAll : undefined
  }
  if ('not' in condition) {
    const inner = decide(condition.not, source, value, hidden)
    return inner === undefined ? undefined : !inner
  }
  // A stratum still in the condition is unknown: the form is for several strata.
  if ('stratum' in condition) return undefined
  if (hidden.has(condition.question)) return false
  if (condition.question !== source) return undefined
  return evaluateCondition(condition, { [source]: value }, { stratum: '' })
}

/**
 * For each answer of `placed[index]`: the questions right after it that this answer
 * hides, directly or through questions it hides, and so where to go next.
 */
function skipsOf(
  definition: QuestionnaireDefinition,
  placed: Placed[],
  index: number,
  lang: string,
): Map<number, string> {
  const skips = new Map<number, string>()
  const source = placed[index]!.question
  if (source.type !== 'single' && source.type !== 'yesno' && source.type !== 'grade') return skips
  const screenOut = source.type === 'grade' ? undefined : source.screenOut
  for (const { value } of codesOf(definition, source) ?? []) {
    if (screenOut?.values.includes(value)) {
      skips.set(value, paperText('goToEnd', lang))
      continue
    }
    const hidden = new Set<string>()
    let next = index + 1
    for (; next < placed.length; next++) {
      const { question, condition } = placed[next]!
      const shown = typeof condition === 'boolean' ? condition : decide(condition, source.id, value, hidden)
      if (shown !== false) break
      hidden.add(question.id)
    }
    if (hidden.size === 0) continue
    const target = placed[next]?.question
    skips.set(value, target ? paperText('goTo', lang, { number: target.number }) : paperText('goToEnd', lang))
  }
  return skips
}

/** The sections and questions as printed, with their routing instructions. */
export function paperRouting(definition: QuestionnaireDefinition, options: PaperRoutingOptions): PrintedSection[] {
  const settle = (c: Condition | undefined) => (c ? settleStratum(c, options.stratum) : true)
  const sentence = (c: Condition | boolean) =>
    typeof c === 'boolean' ? undefined : onlyIfSentence(definition, c, options)

  const placed: Placed[] = []
  const printed: PrintedSection[] = []
  for (const section of definition.sections) {
    const sectionCondition = settle(section.showIf)
    if (sectionCondition === false) continue
    const questions: PrintedQuestion[] = []
    for (const question of section.questions) {
      const own = settle(question.showIf)
      const condition = bothConditions(sectionCondition, own)
      if (condition === false) continue
      placed.push({ question, condition })
      const instruction = sentence(own)
      questions.push({ question, skips: new Map(), ...(instruction ? { instruction } : {}) })
    }
    if (questions.length === 0) continue
    const instruction = sentence(sectionCondition)
    printed.push({ section, questions, ...(instruction ? { instruction } : {}) })
  }

  const byQuestion = new Map(printed.flatMap((s) => s.questions.map((q) => [q.question, q] as const)))
  placed.forEach((p, index) => {
    byQuestion.get(p.question)!.skips = skipsOf(definition, placed, index, options.lang)
  })
  return printed
}
