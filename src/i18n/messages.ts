import type { messages as nl } from './nl/index.ts'

/** The shape every language follows: Dutch is the reference. */
export type Messages = typeof nl

/**
 * The groups of texts a client meets: the respondent pages, the questionnaire engine's
 * own words, e-mails, letters and paper forms. Every respondent language has all of
 * these; the staff pages exist in Dutch and English only.
 */
export const RESPONDENT_GROUPS = ['common', 'respondent', 'questionnaire', 'email', 'letter', 'paper'] as const

/** A respondent language's catalogue: the groups a client meets, complete. */
export type RespondentMessages = Pick<Messages, (typeof RESPONDENT_GROUPS)[number]>

/** The dotted paths of every text under `T`: `{ a: { b: '' } }` gives `'a.b'`. */
export type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`
}[keyof T & string]

/** Every key `t()` accepts, e.g. `'staff.auth.title'`: a typo is a type error. */
export type MessageKey = LeafPaths<Messages>

/** The group of texts at a dotted path: `GroupAt<Messages, 'staff.auth'>` is `Messages['staff']['auth']`. */
type GroupAt<T, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? GroupAt<T[Head], Rest>
    : never
  : Path extends keyof T
    ? T[Path]
    : never

/**
 * The rest of every key below `Prefix`: `KeyUnder<'fieldwork.import.reasons'>` is
 * `'missing' | 'tooLong' | …`. A code that names its text this way builds a valid key
 * with `` t(`fieldwork.import.reasons.${reason.key}`) ``, and a code without a text is a type error.
 * (It walks the catalogue to the group rather than filtering every key: that keeps tsc fast.)
 */
export type KeyUnder<Prefix extends string> =
  GroupAt<Messages, Prefix> extends infer Group ? (Group extends string ? never : LeafPaths<Group>) : never
