import type { messages as nl } from './nl/index.js'

/** The shape every language follows: Dutch is the reference. */
export type Messages = typeof nl
