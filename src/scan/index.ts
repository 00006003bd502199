/**
 * Reading scanned paper forms: page images in, values per keying field out. Pure, apart
 * from image decoding: nothing here touches the database or the web server.
 */
export type {
  FieldReading,
  FormReading,
  GreyImage,
  PagePlacement,
  PageRead,
  PlacedPage,
  UncertainReason,
  UnreadablePage,
} from './types.ts'
export { cutOut } from './cut-out.ts'
export { formFromMarks, marksOfPage, readForm, type AreaState, type PageMarks } from './read-form.ts'
export { readPage } from './read-page.ts'
export { pageToPng, pngToPage, scanFileKind, scanPages, type ScanFileKind } from './scan-file.ts'
