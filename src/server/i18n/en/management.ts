import type { management as nl } from '../nl/management.js'

export const management: typeof nl = {
}
