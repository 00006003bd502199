import type { messages as nl } from './nl/index.ts'

/** The shape every language follows: Dutch is the reference. */
export type Messages = typeof nl
