import { common } from './common.js'
import { respondent } from './respondent.js'
import { staff } from './staff.js'
import { fieldwork } from './fieldwork.js'
import { typist } from './typist.js'
import { management } from './management.js'

/** Every user-facing text in this language. Each area lives in its own file beside this one. */
export const messages = { common, respondent, staff, fieldwork, typist, management }
