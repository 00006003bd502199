import { common } from './common.ts'
import { respondent } from './respondent.ts'
import { staff } from './staff.ts'
import { fieldwork } from './fieldwork.ts'
import { typist } from './typist.ts'
import { management } from './management.ts'
import { email } from './email.ts'
import { letter } from './letter.ts'
import { paper } from './paper.ts'
import { questionnaire } from './questionnaire.ts'
import { questionnaireFile } from './questionnaire-file.ts'
import { report } from './report.ts'

/** Every user-facing text in this language. Each area lives in its own file beside this one. */
export const messages = {
  common,
  respondent,
  staff,
  fieldwork,
  typist,
  management,
  email,
  letter,
  paper,
  questionnaire,
  questionnaireFile,
  report,
}
