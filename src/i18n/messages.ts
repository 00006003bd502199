import type { messages as nl } from './nl/index.ts'

/** The shape every language follows: Dutch is the reference. */
export type Messages = typeof nl

/** The dotted paths of every text under `T`: `{ a: { b: '' } }` gives `'a.b'`. */
export type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`
}[keyof T & string]

/** Every key `t()` accepts, e.g. `'staff.auth.title'`: a typo is a type error. */
export type MessageKey = LeafPaths<Messages>

/**
 * The rest of every key below `Prefix`: `KeyUnder<'fieldwork.import.reasons'>` is
 * `'missing' | 'tooLong' | …`. A code that names its text this way builds a valid key
 * with `` t(`fieldwork.import.reasons.${reason.key}`) ``, and a code without a text is a type error.
 */
export type KeyUnder<Prefix extends string> = MessageKey extends infer Key
  ? Key extends `${Prefix}.${infer Rest}`
    ? Rest
    : never
  : never
