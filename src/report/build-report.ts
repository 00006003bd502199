/**
 * Builds the report of a round (model.ts) from its responses, the earlier rounds the
 * researcher picked for trends, and the reference group. The structure is the seeds':
 * summary, response and method, a chapter per questionnaire section, success and
 * improvement points, background of the respondents, quotes, appendices per
 * municipality (REPORTS.md, "Report structure and style").
 */
import type { Question, Section } from '#src/questionnaire/index.ts'
import { localize } from '#src/questionnaire/index.ts'
import { blockOf } from './blocks.ts'
import { pooledSample, roundSample } from './designs.ts'
import type { Comparisons } from './lines.ts'
import type {
  Block,
  Chapter,
  ComparisonSource,
  Line,
  MunicipalityAppendix,
  PointsList,
  QuoteGroup,
  Report,
  ResponseRow,
  Summary,
} from './model.ts'
import type { ReferenceFigures } from './reference-figures.ts'
import type { RoundData } from './round-data.ts'
import { responsesOf } from './round-data.ts'
import { withComplementarySuppression } from './suppression.ts'
import { reportText as t } from './texts.ts'

const LANG = 'nl'

export interface ReportInput {
  current: RoundData
  /** The municipality's code, or null for the whole round. */
  municipality: string | null
  /** Earlier rounds, most recent first. */
  trendRounds: readonly RoundData[]
  /** Rounds pooled into the reference group. */
  referenceRounds: readonly RoundData[]
  referenceFigures: { label: string; figures: ReferenceFigures } | null
  response: ResponseRow[]
  thresholds: { veryReliable: number; reliable: number }
  quotes: QuoteGroup[]
  /** Weigh totals over municipalities (on by default). */
  weigh: boolean
  /** Work out the appendices per municipality (default); the results page's summary does without. */
  appendices?: boolean
  madeOn: string
}

/** Age and sex questions are found by concept key or id; their section is the respondents' background. */
export function isBackgroundQuestion(question: Question): boolean {
  return ['leeftijd', 'geslacht'].includes(question.concept ?? question.id)
}

/**
 * The success and improvement points: the multiple-choice questions of the last section,
 * where the KTO questionnaires ask what is good and what should be better.
 */
function pointQuestions(sections: readonly Section[]): Set<Question> {
  const last = sections.at(-1)
  return new Set(last ? last.questions.filter((q) => q.type === 'multiple') : [])
}

function chaptersOf(comparisons: Comparisons) {
  const { definition } = comparisons
  const points = pointQuestions(definition.sections)
  const chapters: Chapter[] = []
  const pointLists: PointsList[] = []
  let background: Chapter | null = null
  for (const section of definition.sections) {
    const blocks: Block[] = []
    for (const question of section.questions) {
      const block = blockOf(comparisons, question, { sortByFrequency: points.has(question) })
      if (!block) continue
      if (points.has(question) && block.kind === 'choice')
        pointLists.push({
          variable: block.variable,
          question: block.question,
          n: block.n,
          suppressed: block.suppressed,
          lines: block.lines,
        })
      else blocks.push(block)
    }
    if (blocks.length === 0) continue
    const chapter = { id: section.id, title: localize(section.title, LANG), blocks }
    if (section.questions.some(isBackgroundQuestion)) background = chapter
    else chapters.push(chapter)
  }
  return { chapters, points: pointLists, background }
}

function sourceOf(data: RoundData, municipality: string | null): ComparisonSource {
  return { label: data.label, n: responsesOf(data, municipality).length }
}

function comparisonsFor(
  input: ReportInput,
  municipality: string | null,
): { comparisons: Comparisons; weighting: Report['weighting'] } {
  const weighted = roundSample(input.current, municipality, { weigh: input.weigh })
  return {
    comparisons: {
      definition: input.current.definition,
      current: weighted.sample,
      trends: input.trendRounds.map((data) => roundSample(data, municipality, { weigh: input.weigh }).sample),
      reference:
        input.referenceRounds.length > 0 ? pooledSample(input.referenceRounds, null, input.current.minGroupSize) : null,
      referenceFigures: input.referenceFigures?.figures ?? null,
    },
    weighting: weighted.weighting,
  }
}

const PERCENT_STATISTICS = new Set<Line['statistic']>(['agree', 'share', 'belowSix', 'sevenOrMore'])

/** The overall grade and the five largest significant changes against the previous round. */
function summaryOf(chapters: Chapter[], points: PointsList[], background: Chapter | null): Summary {
  const all = [...chapters, ...(background ? [background] : [])]
  const grade = all.flatMap((c) => c.blocks).find((b) => b.kind === 'grade')
  const changes: Summary['largestChanges'] = []
  const consider = (chapter: string, line: Line) => {
    const previous = line.trend[0]
    if (!line.current || !previous?.figure || !previous.change || !PERCENT_STATISTICS.has(line.statistic)) return
    changes.push({ chapter, line, difference: (line.current.value - previous.figure.value) * 100 })
  }
  // A grade's rows are named by their statistic ("% onvoldoende"): the question says which grade.
  for (const chapter of all)
    for (const block of chapter.blocks)
      for (const line of block.lines) consider(block.kind === 'grade' ? block.question : chapter.title, line)
  for (const list of points) for (const line of list.lines) consider(list.question, line)
  changes.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference))
  return {
    grade:
      grade && grade.kind === 'grade'
        ? { question: grade.question, line: grade.lines[0]!, belowSix: grade.lines[1]! }
        : null,
    largestChanges: changes.slice(0, 5),
  }
}

/**
 * Hides a second municipality's figure where exactly one is hidden (suppression.ts). The
 * appendices share one questionnaire, so their lines line up position by position.
 */
function suppressComplements(appendices: MunicipalityAppendix[], totals: Chapter[]): void {
  const linesOf = (chapters: Chapter[]) => chapters.flatMap((c) => c.blocks.flatMap((b) => b.lines))
  const perMunicipality = appendices.map((a) => linesOf(a.chapters))
  const totalLines = new Map(linesOf(totals).map((l) => [`${l.variable}|${l.statistic}|${l.code ?? ''}`, l]))
  perMunicipality[0]?.forEach((first, position) => {
    const total = totalLines.get(`${first.variable}|${first.statistic}|${first.code ?? ''}`)
    const lines = perMunicipality.map((list) => list[position]!)
    const hidden = withComplementarySuppression(
      [total ? total.current === null : true, ...lines.map((l) => l.current === null)],
      [total?.current?.n ?? 0, ...lines.map((l) => l.current?.n ?? 0)],
    )
    lines.forEach((line, i) => {
      if (hidden[i + 1]) line.current = null
    })
  })
}

function appendicesOf(input: ReportInput, totals: Chapter[]): MunicipalityAppendix[] {
  const { current } = input
  if (input.appendices === false || input.municipality !== null || current.strata.length < 2) return []
  const appendices = current.strata.map((stratum) => {
    const { comparisons } = comparisonsFor(input, stratum.code)
    const { chapters, points, background } = chaptersOf(comparisons)
    const pointChapter: Chapter[] = points.map((p) => ({
      id: p.variable,
      title: p.question,
      blocks: [
        {
          kind: 'choice',
          variable: p.variable,
          number: '',
          question: p.question,
          n: p.n,
          weightedN: p.n,
          suppressed: p.suppressed,
          multiple: true,
          lines: p.lines,
          outsideBase: 0,
        },
      ],
    }))
    return {
      code: stratum.code,
      name: stratum.name,
      n: responsesOf(current, stratum.code).length,
      chapters: [...chapters, ...pointChapter, ...(background ? [background] : [])],
    }
  })
  suppressComplements(appendices, totals)
  return appendices
}

export function buildReport(input: ReportInput): Report {
  const { current, municipality } = input
  const stratum = municipality === null ? null : current.strata.find((s) => s.code === municipality)
  if (municipality !== null && !stratum)
    throw new Error(`round ${current.id} has no municipality with code ${municipality}`)
  const { comparisons, weighting } = comparisonsFor(input, municipality)
  const { chapters, points, background } = chaptersOf(comparisons)
  const referenceN = input.referenceRounds.reduce((sum, data) => sum + data.stratumOf.length, 0)
  const reference: ComparisonSource | null =
    input.referenceRounds.length > 0
      ? {
          label: t('report.table.reference'),
          n: referenceN,
          description: input.referenceRounds.map((r) => r.name).join(', '),
        }
      : input.referenceFigures
        ? { label: t('report.table.reference'), n: 0, description: input.referenceFigures.label }
        : null
  return {
    title: t('report.title', { round: current.name }),
    roundName: current.name,
    municipality: stratum ? { code: stratum.code, name: stratum.name } : null,
    madeOn: input.madeOn,
    minGroupSize: current.minGroupSize,
    currentLabel: current.label,
    trendRounds: input.trendRounds.map((data) => sourceOf(data, municipality)),
    reference,
    response: stratum
      ? input.response.filter((row) => row.municipality === stratum.name || row.municipality === null)
      : input.response,
    thresholds: input.thresholds,
    weighting,
    summary: summaryOf(chapters, points, background),
    chapters,
    points,
    background,
    quotes: input.quotes,
    appendices: appendicesOf(input, [
      ...chapters,
      ...points.map((p) => ({ id: p.variable, title: p.question, blocks: [{ lines: p.lines }] as Block[] })),
      ...(background ? [background] : []),
    ]),
    significanceTest: t('report.labels.significanceTest'),
  }
}
