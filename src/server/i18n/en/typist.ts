import type { typist as nl } from '../nl/typist.js'

export const typist: typeof nl = {
}
