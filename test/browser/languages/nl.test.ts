import { describeLanguage } from './_language-walk.ts'

describeLanguage('nl')
