/**
 * A round's complete responses as the report needs them: per variable one answer per
 * response, and per response its municipality. Loaded once per round (by the server's
 * report service) and read many times: for the whole round, per municipality, as a
 * trend column of a later round or as part of a reference group.
 */
import type { QuestionnaireDefinition } from '#src/questionnaire/index.ts'
import type { AgeSexPopulation } from './age-sex-margins.ts'

export interface RoundStratum {
  id: number
  /** The municipality's code, the same across rounds: trends per municipality follow it. */
  code: string
  name: string
  /** Clients in the municipality's file; the number written to without a recorded sample. */
  population: number
  writtenTo: number
}

/** A closed answer: a code or number, the ticks of a multiple-choice question, or none. */
export type ClosedAnswer = number | readonly number[] | null

export interface RoundData {
  id: number
  name: string
  /** The column header in trend tables: the year the round opened, or its name when two rounds share a year. */
  label: string
  definition: QuestionnaireDefinition
  minGroupSize: number
  strata: RoundStratum[]
  /** Per response, its index in `strata`. */
  stratumOf: Int32Array
  /** Per variable, the answer of each response in `stratumOf`'s order (texts left out). */
  answers: ReadonlyMap<string, readonly ClosedAnswer[]>
  /** The client file's counts by birth year and sex, when it had those columns: for raking. */
  ageSex?: AgeSexPopulation
}

/** The responses of one municipality, or of all when the code is null. */
export function responsesOf(data: RoundData, stratumCode: string | null): number[] {
  const indices: number[] = []
  const wanted = stratumCode === null ? -1 : data.strata.findIndex((s) => s.code === stratumCode)
  if (stratumCode !== null && wanted < 0) return indices
  data.stratumOf.forEach((stratum, i) => {
    if (wanted < 0 || stratum === wanted) indices.push(i)
  })
  return indices
}
