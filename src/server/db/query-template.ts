/**
 * A query that Kysely builds and compiles once, then runs many times with new values.
 *
 * Building and compiling a five-table query costs Kysely more CPU than PostgreSQL spends
 * running it as a prepared statement. On the respondent's pages the text never changes,
 * only the values: the template builds the query once with stand-ins for the values,
 * remembers where each stand-in went in the parameter list, and per call only fills in
 * that list. Combined with `prepared()`, the server parses and plans it once too.
 */
import type { Compilable, Kysely } from 'kysely'
import { CompiledQuery } from 'kysely'
import { prepared } from './prepared-statements.ts'

const STAND_IN = Symbol('query template value')

interface StandIn {
  readonly [STAND_IN]: string
}

function isStandIn(value: unknown): value is StandIn {
  return typeof value === 'object' && value !== null && STAND_IN in value
}

/** Where a parameter comes from: a named value of the call, or a constant of the query. */
type Slot = { value: string } | { constant: unknown }

interface Compiled<R> {
  query: CompiledQuery<R>
  slots: Slot[]
}

/**
 * `build` receives the values as stand-ins: pass them to Kysely as values (never look
 * inside them, or compute with them). Returns the query to run for given values.
 */
export function queryTemplate<Schema, V extends Record<string, unknown>, R>(
  name: string,
  build: (db: Kysely<Schema>, values: V) => Compilable<R>,
): (db: Kysely<Schema>, values: V) => CompiledQuery<R> {
  const compiledPerDatabase = new WeakMap<Kysely<Schema>, Compiled<R>>()
  const standIns = new Proxy({} as V, {
    get: (_target, key) => (typeof key === 'string' ? ({ [STAND_IN]: key } satisfies StandIn) : undefined),
  })

  function compile(db: Kysely<Schema>): Compiled<R> {
    const query = prepared(name, build(db, standIns).compile())
    const slots = query.parameters.map((p): Slot => (isStandIn(p) ? { value: p[STAND_IN] } : { constant: p }))
    return { query, slots }
  }

  return (db, values) => {
    let compiled = compiledPerDatabase.get(db)
    if (!compiled) compiledPerDatabase.set(db, (compiled = compile(db)))
    const parameters = compiled.slots.map((slot) => ('value' in slot ? values[slot.value] : slot.constant))
    return { ...CompiledQuery.raw(compiled.query.sql, parameters), query: compiled.query.query } as CompiledQuery<R>
  }
}
