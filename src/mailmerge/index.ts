/**
 * Letters and paper questionnaires as PDF. Plain data in, PDF bytes out to a Writable:
 * nothing here touches the database or the web server.
 */
export {
  DEFAULT_ADDRESS_WINDOW,
  defaultTemplate,
  letterLanguage,
  type AddressWindow,
  type LetterBody,
  type LetterKind,
  type LetterSender,
  type LetterTemplate,
} from './letter-template.ts'
export {
  MERGE_FIELDS,
  mergeFields,
  unknownMergeFields,
  type MergeField,
  type MergeResult,
  type MergeValues,
} from './merge-fields.ts'
export { drawLetter, type LetterData } from './letter.ts'
export { writeLetterBatch, type LetterBatchOptions, type Letters } from './letter-batch.ts'
export { registerFonts, type PdfFonts } from './fonts.ts'
export {
  PaperForms,
  writePaperQuestionnaire,
  writePaperQuestionnaireBatch,
  type PaperBatchOptions,
  type PaperFormItem,
  type PaperQuestionnaireOptions,
} from './paper-questionnaire.ts'
export {
  FORM_LAYOUT_VERSION,
  type FormLayout,
  type LayoutArea,
  type PageLayout,
  type Rect,
  type TickArea,
  type WriteArea,
} from './paper-layout.ts'
export { REGISTRATION_MARKS } from './registration-marks.ts'
export { paperRouting, type PaperRoutingOptions, type PrintedQuestion, type PrintedSection } from './paper-routing.ts'
export { writePrintSets, type PrintSet, type PrintSetsOptions, type WrittenSet } from './print-sets.ts'
export { codeTail, parseSetMark, setMarkText, type SetMark } from './set-mark.ts'
