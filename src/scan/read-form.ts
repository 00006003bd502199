/**
 * The values of one form from its placed pages: each tick box measured where the layout
 * puts it (ticked, empty, or unclear), a filled-in box as the form's instruction says
 * (a mistake, not an answer), two ticks where one is allowed as "m", and every area
 * with handwriting for a typist to type.
 */
import type { QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { FormLayout } from '#src/mailmerge/paper-layout.ts'
import type { FormReading, PlacedPage } from './types.ts'

/** `pages`: every page of the layout that has answer areas (a blank back page may be missing). */
export function readForm(_definition: QuestionnaireDefinition, _layout: FormLayout, _pages: PlacedPage[]): FormReading {
  throw new Error('readForm: not written yet')
}
