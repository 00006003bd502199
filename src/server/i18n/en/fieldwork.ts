import type { fieldwork as nl } from '../nl/fieldwork.js'

export const fieldwork: typeof nl = {
}
