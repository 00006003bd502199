/**
 * DRAFT translation (Polish), written by the Peiling team; not yet checked by a
 * translator. The texts a client meets; the staff pages stay Dutch and English.
 */
import type { RespondentMessages } from '#src/i18n/messages.ts'
import { common } from './common.ts'
import { respondent } from './respondent.ts'
import { email } from './email.ts'
import { letter } from './letter.ts'
import { paper } from './paper.ts'
import { questionnaire } from './questionnaire.ts'

/** Every text a client meets in this language. Each area lives in its own file beside this one. */
export const messages: RespondentMessages = {
  common,
  respondent,
  email,
  letter,
  paper,
  questionnaire,
}
